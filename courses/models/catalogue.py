"""Catalogue: topics, courses and their dated runs with sessions."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from training_site.page_cache import CachedPageMixin

from ..choices import (
    SEAT_HOLDING_STATUSES,
    AdmissionPolicy,
    CourseLevel,
    DeliveryMode,
    InstructionLanguage,
    RunStatus,
)


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A theme of the catalogue, such as victim identification or prosecution."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


INSTRUCTOR_PHOTO = "fill-160x160"
OG_IMAGE = "fill-1200x630"


class CourseIndexPage(CachedPageMixin, Page):
    """The programme catalogue (slug `programmes` in every language)."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/routing.py

    page_cache_query_params = frozenset({"q", "topic", "language", "mode", "month", "open_now"})

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, "intro"]
    subpage_types = ["courses.CoursePage"]
    parent_page_types = ["training_site.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..forms.catalogue import CatalogueFilterForm
        from ..queries.catalogue import catalogue_courses, course_cards, topics_for

        context = super().get_context(request, *args, **kwargs)
        topics = topics_for(self.locale_id)
        form = CatalogueFilterForm(request.GET or None, topics=topics)
        filters = form.filters()
        cards = course_cards(catalogue_courses(self, filters), topics)
        context.update(filter_form=form, filters=filters, cards=cards, topics=topics)
        return context


class CoursePage(CachedPageMixin, Page):
    """What is taught: outcomes, audience, syllabus, hours. Its runs are dated offerings."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/routing.py

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    summary = models.TextField(_("summary"), max_length=400)
    description = RichTextField(_("description"), blank=True)
    outcomes = RichTextField(
        _("learning outcomes"), blank=True, features=["ul", "ol", "bold", "italic"]
    )
    audience = RichTextField(_("target audience"), blank=True, features=["ul", "bold", "italic"])
    prerequisites = RichTextField(_("prerequisites"), blank=True, features=["ul", "bold", "italic"])
    hours = models.PositiveSmallIntegerField(_("hours"), default=0)
    level = models.CharField(
        _("level"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.INTRODUCTORY
    )
    delivery_mode = models.CharField(
        _("delivery mode"),
        max_length=20,
        choices=DeliveryMode.choices,
        default=DeliveryMode.IN_PERSON,
    )
    partners = models.CharField(_("partner organisations"), max_length=300, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        "summary",
        MultiFieldPanel(
            [
                FieldRowPanel(["topic", "level"]),
                FieldRowPanel(["hours", "delivery_mode"]),
                "partners",
            ],
            heading=_("Facts"),
        ),
        "image",
        "description",
        "outcomes",
        "audience",
        "prerequisites",
        InlinePanel("instructors", label=_("Instructors")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("outcomes"),
        index.SearchField("audience"),
        index.RelatedFields("topic", [index.SearchField("name")]),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "courses.AssessmentPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def runs(self):
        """Runs of this course, whichever translation of the page they were created on."""
        return CourseRun.objects.filter(course__translation_key=self.translation_key)

    def get_context(self, request, *args, **kwargs):
        from training_site.content_cache import cached

        from ..queries.catalogue import (
            all_topics_by_id,
            localised_topic,
            runs_for_courses,
            topics_for,
        )

        context = super().get_context(request, *args, **kwargs)
        topics_by_key = {topic.translation_key: topic for topic in topics_for(self.locale_id)}
        topic = all_topics_by_id().get(self.topic_id)
        runs = list(runs_for_courses([self.translation_key], upcoming=None))
        today = timezone.localdate()
        context.update(
            topic=localised_topic(topic, topics_by_key),
            instructors=cached(("instructors", self.pk), self._instructor_cards),
            upcoming_runs=[run for run in runs if run.end_date >= today],
            past_runs=sorted(
                (run for run in runs if run.end_date < today),
                key=lambda run: (run.start_date, run.pk),
                reverse=True,
            ),
            parent=cached(("parent", request.get_host(), self.pk), self._parent_link),
            og_image=self._og_image(),
            now=timezone.now(),
        )
        return context

    def _instructor_cards(self) -> list[dict]:
        """Instructors with their photo rendition, in two queries (cached by the caller)."""
        from wagtail.images import get_image_model

        images = get_image_model().objects.prefetch_renditions(INSTRUCTOR_PHOTO)
        cards = []
        for instructor in self.instructors.prefetch_related(
            models.Prefetch("photo", queryset=images)
        ):
            card = {"name": instructor.name, "role": instructor.role, "bio": instructor.bio}
            if instructor.photo is not None:
                photo = instructor.photo.get_rendition(INSTRUCTOR_PHOTO)
                card["photo"] = {"url": photo.url, "width": photo.width, "height": photo.height}
            cards.append(card)
        return cards

    def _parent_link(self) -> dict:
        parent = self.get_parent()
        return {"title": parent.title, "url": parent.get_url()}

    def _og_image(self):
        if self.image_id is None:
            return None
        return self.image.get_rendition(OG_IMAGE)


class CourseInstructor(Orderable):
    """A person who teaches the course; `user` gives them editing rights on it."""

    page = ParentalKey(CoursePage, related_name="instructors", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The instructor's account: it may edit this course's lessons."),
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    bio = models.TextField(_("short biography"), blank=True, max_length=600)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = ["user", "name", "role", "bio", "photo"]

    class Meta(Orderable.Meta):
        verbose_name = _("instructor")


class CourseRunQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(course__live=True)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today)

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today)

    def open_for_enrollment(self, now=None):
        now = now or timezone.now()
        return self.filter(
            status=RunStatus.SCHEDULED, enrollment_opens__lte=now, enrollment_closes__gte=now
        )

    def with_seats_taken(self):
        return self.annotate(
            seats_taken=Count(
                "enrollments", filter=Q(enrollments__status__in=SEAT_HOLDING_STATUSES)
            )
        )


class CourseRun(ClusterableModel):
    """One dated offering of a course."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    delivery_mode = models.CharField(
        _("delivery mode"),
        max_length=20,
        choices=DeliveryMode.choices,
        default=DeliveryMode.IN_PERSON,
    )
    language = models.CharField(
        _("language of instruction"),
        max_length=2,
        choices=InstructionLanguage.choices,
        default=InstructionLanguage.ARABIC,
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("seats"), default=25)
    seats_per_country = models.PositiveSmallIntegerField(
        _("seats per country"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit per country."),
    )
    enrollment_opens = models.DateTimeField(_("enrollment opens"))
    enrollment_closes = models.DateTimeField(_("enrollment closes"))
    admission_policy = models.CharField(
        _("admission policy"),
        max_length=20,
        choices=AdmissionPolicy.choices,
        default=AdmissionPolicy.APPROVAL,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.SCHEDULED
    )
    # Completion rules
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=80,
        help_text=_("Share of the run's sessions a trainee must attend. 0 for no requirement."),
    )
    require_lessons = models.BooleanField(_("required lessons must be done"), default=True)
    require_post_test = models.BooleanField(_("post-test must be passed"), default=True)
    # Certificates
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="runs",
    )
    auto_issue_certificates = models.BooleanField(
        _("issue certificates automatically on completion"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseRunQuerySet.as_manager()

    panels = [
        FieldPanel("course"),
        MultiFieldPanel(
            [
                FieldRowPanel(["start_date", "end_date"]),
                FieldRowPanel(["delivery_mode", "language"]),
                "venue",
                "online_url",
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["capacity", "seats_per_country"]),
                FieldRowPanel(["enrollment_opens", "enrollment_closes"]),
                "admission_policy",
                "status",
            ],
            heading=_("Enrollment"),
        ),
        MultiFieldPanel(
            ["min_attendance_percent", "require_lessons", "require_post_test"],
            heading=_("Completion rules"),
        ),
        MultiFieldPanel(
            ["certificate_template", "auto_issue_certificates"], heading=_("Certificates")
        ),
        InlinePanel("sessions", label=_("Sessions")),
    ]

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="run_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.course.title} ({self.start_date:%Y-%m-%d})"

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The run cannot end before it starts.")
        if self.enrollment_opens and self.enrollment_closes:
            if self.enrollment_closes < self.enrollment_opens:
                errors["enrollment_closes"] = _("Enrollment cannot close before it opens.")
            elif self.start_date and timezone.localdate(self.enrollment_closes) > self.start_date:
                errors["enrollment_closes"] = _("Enrollment must close before the run starts.")
        if errors:
            raise ValidationError(errors)

    def seats_left(self) -> int:
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.enrollments.filter(status__in=SEAT_HOLDING_STATUSES).count()
        return max(self.capacity - taken, 0)

    def is_open_for_enrollment(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == RunStatus.SCHEDULED
            and self.enrollment_opens <= now <= self.enrollment_closes
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == RunStatus.CANCELLED


class Session(Orderable):
    """One scheduled meeting of a run; attendance is taken per session."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = ParentalKey(CourseRun, related_name="sessions", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=100, blank=True)

    panels = ["title", FieldRowPanel(["starts_at", "ends_at"]), "room"]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title or f"{self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
