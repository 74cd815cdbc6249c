from django.urls import path

from .learning_urls import urlpatterns as learning_urlpatterns
from .views import catalogue, enrollment, nominations

app_name = "courses"

urlpatterns: list = [
    # Catalogue
    path("programmes/runs/<uuid:run_id>/calendar.ics", catalogue.run_ics, name="run_ics"),
    path("programmes/runs/calendar.ics", catalogue.runs_feed, name="runs_feed"),
    path("programmes/brochure.pdf", catalogue.brochure, name="brochure"),
    # Enrollment
    path("my/", enrollment.dashboard, name="dashboard"),
    path("my/profile/", enrollment.profile, name="profile"),
    path("my/profile/data.json", enrollment.my_data, name="my_data"),
    path("my/profile/delete/", enrollment.delete_account, name="delete_account"),
    path("my/enrollments/<uuid:public_id>/withdraw/", enrollment.withdraw, name="withdraw"),
    path("programmes/runs/<uuid:run_id>/apply/", enrollment.apply, name="apply"),
    # Focal points and nominations
    path("focal-point/", nominations.focal_point_home, name="focal_point"),
    path("focal-point/runs/<uuid:run_id>/nominate/", nominations.nominate, name="nominate"),
    path(
        "focal-point/runs/<uuid:run_id>/nominate/csv/",
        nominations.nominate_csv,
        name="nominate_csv",
    ),
    path("nominations/<str:token>/", nominations.nomination_link, name="nomination"),
    path(
        "nominations/<str:token>/accept/",
        nominations.accept_nomination,
        name="nomination_accept",
    ),
    path(
        "nominations/<str:token>/decline/",
        nominations.decline_nomination,
        name="nomination_decline",
    ),
    path(
        "my/letters/<uuid:enrollment_id>/",
        nominations.invitation_letter,
        name="invitation_letter",
    ),
    path("letters/<str:code>/", nominations.letter_confirm, name="letter_confirm"),
]
urlpatterns += learning_urlpatterns
