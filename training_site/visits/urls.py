from django.urls import path

from training_site.visits import views

app_name = "visits"

urlpatterns = [
    path("study-visit-request/", views.request_visit, name="request"),
    path("study-visit-request/sent/", views.request_sent, name="request_sent"),
]
