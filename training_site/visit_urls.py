from django.urls import path

from . import visit_views

app_name = "visits"

urlpatterns = [
    path("study-visit-request/", visit_views.request_visit, name="request"),
    path("study-visit-request/sent/", visit_views.request_sent, name="request_sent"),
]
