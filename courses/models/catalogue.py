"""Catalogue: topics and courses (their dated runs are in runs.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey

from training_site.admin_panels import (
    PermissionedPageForm,
    PermissionInlinePanel,
    StaffSetsPrivacyMixin,
)
from training_site.core.caching.pages import CachedPageMixin
from training_site.core.caching.pages import timeout as page_cache_timeout
from training_site.core.text import TextLineField, TextLinesField
from training_site.models.roles import Role

from ..choices import CourseLevel, DeliveryMode
from .runs import CourseRun


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A theme of the catalogue, such as victim identification or prosecution."""

    name = TextLineField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = TextLinesField(_("description"), blank=True)

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


INSTRUCTOR_PHOTO = "fill-160x160"
# Staff hold every permission of the courses app; instructors hold none: the instructors panel
# of a course page is theirs only.
INSTRUCTOR_CARDS_PERMISSION = "courses.change_courseinstructor"
OG_IMAGE = "fill-1200x630"


class CourseIndexPage(CachedPageMixin, Page):
    """The programme catalogue (slug `programmes` in every language)."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py

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
        # Read only when the listing's cached fragment is missing (see the page's template).
        cards = SimpleLazyObject(lambda: course_cards(catalogue_courses(self, filters), topics))
        context.update(filter_form=form, filters=filters, cards=cards, topics=topics)
        context["listing_cache_seconds"] = page_cache_timeout()
        return context


class CoursePage(StaffSetsPrivacyMixin, CachedPageMixin, Page):
    """What is taught: outcomes, audience, syllabus, hours. Its runs are dated offerings."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    summary = TextLinesField(_("summary"), max_length=400)
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
    partners = TextLineField(_("partner organisations"), max_length=300, blank=True)
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
        PermissionInlinePanel(
            "instructors",
            label=_("Instructors"),
            permission=INSTRUCTOR_CARDS_PERMISSION,
            help_text=_(
                "How the course page presents its instructors. Who may edit the course is set "
                "by staff under Instructor assignments."
            ),
        ),
    ]
    base_form_class = PermissionedPageForm
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
        from training_site.core.caching.content import cached

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
    """An instructor as the course page presents them (name, role, biography, photo).

    Page content only: it gives no rights. Who may edit the course and take its roll calls is
    decided by staff in `InstructorAssignment`, outside the page and its revisions, so that
    publishing or reverting a page can never grant or restore anyone's rights.
    """

    page = ParentalKey(CoursePage, related_name="instructors", on_delete=models.CASCADE)
    name = TextLineField(_("name"), max_length=150)
    role = TextLineField(_("role"), max_length=150, blank=True)
    bio = TextLinesField(_("short biography"), blank=True, max_length=600)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = ["name", "role", "bio", "photo"]

    class Meta(Orderable.Meta):
        verbose_name = _("instructor")


class InstructorAssignment(models.Model):
    """Staff's decision that `user` teaches `course` (every translation of it): they may edit
    its pages, take its runs' roll calls and see its runs' enrollments. Written only by
    courses.services.instructors, which records each change in the audit log."""

    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="instructor_assignments",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructor"),
        on_delete=models.CASCADE,
        related_name="instructor_assignments",
        limit_choices_to={"role_grants__role": Role.INSTRUCTOR},
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("instructor assignment")
        verbose_name_plural = _("instructor assignments")
        ordering = ["course__title", "user__last_name", "user__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="instructor_assigned_once")
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.email} ({self.course.title})"
