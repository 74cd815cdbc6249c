from django.http import HttpResponse
from django.urls import path

from training_site.urls import urlpatterns as site_urlpatterns


def hello(request):
    """The control: the smallest Django view, through the same middleware."""
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]
