from django.urls import path

from .views import enrollment

app_name = "courses"

urlpatterns = [
    # --- enrollment ---
    path("my/", enrollment.dashboard, name="dashboard"),
    path("my/profile/", enrollment.profile, name="profile"),
    path("my/profile/data.json", enrollment.my_data, name="my_data"),
    path("my/profile/delete/", enrollment.delete_account, name="delete_account"),
    path("my/enrollments/<uuid:public_id>/withdraw/", enrollment.withdraw, name="withdraw"),
    path("programmes/runs/<uuid:run_id>/apply/", enrollment.apply, name="apply"),
]
