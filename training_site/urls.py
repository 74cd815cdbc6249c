from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.urls import serve_pattern

from certificates import views as certificate_views
from courses.views import documents as document_views
from training_site import views
from training_site.core import health
from training_site.core.sitemaps import MultilingualSitemap

# One way in: allauth (rate limits, verified e-mail, two-factor). Wagtail's own sign-in forms,
# the admin's and the front end's, only send there; its page and document password forms never
# sign anybody in and are throttled (tests/system/test_sign_in_doors.py walks every URL).
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("ops/task-probe/", health.task_probe, name="task_probe"),
    path("ops/task-probe/<str:result_id>/", health.task_probe_result, name="task_probe_result"),
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/<uuid:key>/<str:filename>", document_views.serve_document, name="document"),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("verify/<str:code>/", certificate_views.verify_redirect, name="verify_redirect"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("", include("training_site.visits.urls")),
    # Wagtail's front-end routes (wagtail.urls), with its sign-in form replaced.
    path("_util/login/", views.front_end_login, name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    re_path(serve_pattern, wagtail_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG:  # production serves media from the proxy or S3 (docs/deploy.md)
    urlpatterns = [
        re_path(r"^media/(?P<path>.*)$", views.debug_media, name="debug_media"),
        *urlpatterns,
    ]

handler404 = "training_site.views.page_not_found"
handler500 = "training_site.views.server_error"
