from django.urls import path  # noqa: F401

from .learning_urls import urlpatterns as learning_urlpatterns

app_name = "courses"

urlpatterns: list = []
urlpatterns += learning_urlpatterns
