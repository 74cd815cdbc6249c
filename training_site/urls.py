from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from certificates import views as certificate_views

from . import health, views
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("ops/task-probe/", health.task_probe, name="task_probe"),
    path("ops/task-probe/<str:result_id>/", health.task_probe_result, name="task_probe_result"),
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("verify/<str:code>/", certificate_views.verify_redirect, name="verify_redirect"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("", include("training_site.visit_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "training_site.views.page_not_found"
handler500 = "training_site.views.server_error"
