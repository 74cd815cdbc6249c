from django.urls import path

from .views import catalogue

app_name = "courses"

urlpatterns: list = [
    path("programmes/runs/<uuid:run_id>/calendar.ics", catalogue.run_ics, name="run_ics"),
    path("programmes/runs/calendar.ics", catalogue.runs_feed, name="runs_feed"),
    path("programmes/brochure.pdf", catalogue.brochure, name="brochure"),
]
