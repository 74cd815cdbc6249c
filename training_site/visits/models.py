"""Delegation study visits: requests and their follow-up, programme pages, the public visits page."""

import secrets
import uuid

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from training_site.blocks import BaseStreamBlock
from training_site.core.history import StatusChange
from training_site.core.text import TextLineField, TextLinesField
from training_site.visits.blocks import VisitProgrammeBlock
from training_site.visits.choices import VisitItemKind, VisitReplyKind, VisitRequestStatus
from training_site.visits.pdf import render_itinerary_pdf
from training_site.visits.programme import programme_days

MIN_DELEGATION_SIZE = 1
MAX_DELEGATION_SIZE = 100

__all__ = [
    "StudyVisitIndexPage",
    "StudyVisitStoryPage",
    "VisitItemKind",
    "VisitProgrammePage",
    "VisitReply",
    "VisitReplyKind",
    "VisitRequest",
    "VisitRequestNote",
    "VisitRequestStatus",
    "VisitStatusChange",
]


class VisitRequest(models.Model):
    """A delegation's request for a study visit, sent from the public form without an account."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    country = CountryField(_("country"))
    institutions = TextLinesField(_("institution(s)"), max_length=1000)
    contact_name = TextLineField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    delegation_size = models.PositiveSmallIntegerField(
        _("delegation size"),
        validators=[
            MinValueValidator(MIN_DELEGATION_SIZE),
            MaxValueValidator(MAX_DELEGATION_SIZE),
        ],
    )
    preferred_start = models.DateField(_("preferred start date"))
    preferred_end = models.DateField(_("preferred end date"))
    topics = models.ManyToManyField(
        "courses.Topic", verbose_name=_("topics of interest"), blank=True, related_name="+"
    )
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    message = TextLinesField(_("message"), max_length=3000, blank=True)
    language = models.CharField(
        _("language of the request"), max_length=8, choices=settings.LANGUAGES
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VisitRequestStatus.choices,
        default=VisitRequestStatus.NEW,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("study visit request")
        verbose_name_plural = _("study visit requests")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(preferred_end__gte=models.F("preferred_start")),
                name="visit_request_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(delegation_size__gte=MIN_DELEGATION_SIZE)
                & models.Q(delegation_size__lte=MAX_DELEGATION_SIZE),
                name="visit_request_size_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.country.name}, {self.contact_name} ({self.preferred_start:%Y-%m-%d})"

    def language_names(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]


class VisitRequestNote(models.Model):
    """An internal note by staff on a request; never shown to the requester."""

    request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="notes")
    text = TextLinesField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("internal note")

    def __str__(self):
        return self.text[:60]


class VisitReply(models.Model):
    """A message e-mailed to the requester, kept as it was sent."""

    request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="replies")
    kind = models.CharField(max_length=20, choices=VisitReplyKind.choices)
    body = TextLinesField(_("message"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at"]
        verbose_name = _("reply")

    def __str__(self):
        return f"{self.get_kind_display()} {self.sent_at:%Y-%m-%d}"


class VisitStatusChange(StatusChange):
    request = models.ForeignKey(
        VisitRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=VisitRequestStatus.choices)
    to_status = models.CharField(max_length=20, choices=VisitRequestStatus.choices)
    reason = None  # a visit's status moves without a stated reason

    class Meta(StatusChange.Meta):
        verbose_name = _("status change")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class StudyVisitIndexPage(Page):
    """The public "study visits" page: what a visit offers, and stories of past visits."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("what a visit offers"), blank=True)

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["training_site.HomePage"]
    subpage_types = ["training_site.StudyVisitStoryPage", "training_site.VisitProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("study visits page")

    def stories(self):
        return (
            StudyVisitStoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-visit_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.stories()
        return context


class StudyVisitStoryPage(Page):
    """A short story of a past visit; staff choose which appear by publishing them."""

    visit_date = models.DateField(_("date of the visit"))
    country = CountryField(_("country of the delegation"), blank=True)
    summary = TextLinesField(_("summary"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(["visit_date", "country"], heading=_("The visit")),
        "summary",
        FieldPanel("image"),
        "body",
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["training_site.StudyVisitIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("study visit story")
        verbose_name_plural = _("study visit stories")


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


class VisitProgrammePage(RoutablePageMixin, Page):
    """The programme of one confirmed visit. Unlisted: reached only through its private link."""

    visit_request = models.ForeignKey(
        VisitRequest,
        verbose_name=_("study visit request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_pages",
        limit_choices_to={"status": VisitRequestStatus.CONFIRMED},
    )
    delegation = TextLineField(
        _("delegation"),
        max_length=250,
        blank=True,
        help_text=_("As the delegation should read it, e.g. the committee's name."),
    )
    intro = TextLinesField(_("introduction"), blank=True)
    days = StreamField(VisitProgrammeBlock(), verbose_name=_("days"), blank=True)
    practical_information = TextLinesField(_("practical information"), blank=True)
    access_token = models.CharField(max_length=64, default=new_access_token, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("visit_request"),
        "delegation",
        "intro",
        "days",
        "practical_information",
    ]
    promote_panels = [FieldPanel("slug")]
    search_fields: list = []  # never in search results
    parent_page_types = ["training_site.StudyVisitIndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = ["access_token"]

    class Meta:
        verbose_name = _("visit programme")

    def save(self, *args, **kwargs):
        self.show_in_menus = False
        return super().save(*args, **kwargs)

    unlisted = True  # reached only by its private link: never in the sitemap

    def get_sitemap_urls(self, request=None):
        return []

    # --- private link -------------------------------------------------------------------------

    def private_url(self) -> str:
        """The absolute private link to this page (in this page's language)."""
        url = self.get_url() or ""
        if url.startswith("/"):
            url = settings.SITE_URL + url
        return f"{url}{self.access_token}/"

    def private_pdf_url(self) -> str:
        return f"{self.private_url()}itinerary/"

    def _check_token(self, token: str) -> None:
        if not self.access_token or not secrets.compare_digest(token, self.access_token):
            raise Http404

    @re_path(r"^$")
    def no_token(self, request):
        raise Http404

    @re_path(r"^(?P<token>[A-Za-z0-9_-]{1,64})/$")
    def programme(self, request, token):
        self._check_token(token)
        response = TemplateResponse(request, self.get_template(request), self.get_context(request))
        return _private(response)

    @re_path(r"^(?P<token>[A-Za-z0-9_-]{1,64})/itinerary/$")
    def itinerary_pdf(self, request, token):
        self._check_token(token)
        # The centre's settings are looked up by name: training_site.models, which defines them,
        # imports this module (the visit models keep the app label training_site).
        centre = apps.get_model("training_site", "CentreSettings").for_request(request)
        pdf = render_itinerary_pdf(
            page=self, centre_name=centre.name_for(self.locale.language_code)
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="study-visit-itinerary.pdf"'
        return _private(response)

    def serve_preview(self, request, mode_name):
        """Staff preview in the admin shows the programme without the token."""
        return TemplateResponse(request, self.get_template(request), self.get_context(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = programme_days(self)
        context["pdf_url"] = f"{self.url}{self.access_token}/itinerary/"
        return context


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
