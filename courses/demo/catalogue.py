"""Demo catalogue: the programmes page in three languages, topics, courses, runs and sessions.

Arabic is the source language; English and French are Wagtail page translations. Idempotent:
existing pages, topics and runs are left as they are.
"""

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.search import index

from training_site.demo.site import translate_page
from training_site.models import HomePage

from ..choices import AdmissionPolicy, DeliveryMode, RunStatus
from ..models import CourseIndexPage, CoursePage, CourseRun, Session, Topic
from ..models.catalogue import CourseInstructor
from ..services.instructors import assign_instructor
from .catalogue_texts import COURSES, INDEX, INSTRUCTORS, TOPICS

LANGUAGES = ("ar", "en", "fr")
INSTRUCTOR_BY_ARABIC_NAME = {texts["ar"][0]: key for key, texts in INSTRUCTORS.items()}
RUN_LANGUAGES = ("ar", "en", "fr", "ar", "en", "ar", "fr", "en")
VENUES = {
    "ar": "مركز التدريب، القاعة أ",
    "en": "Training Centre, Hall A",
    "fr": "Centre de formation, salle A",
}
COLOURS = ["#0b4f6c", "#1e7b3a", "#7a3e9d", "#b8860b", "#b3261e", "#2f5d8a", "#5a6b2f", "#8a4b2f"]


def seed(*, stdout=None) -> None:
    with transaction.atomic():
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        index = _index_pages(locales)
        topics = _topics(locales)
        for number, (slug, data) in enumerate(COURSES.items()):
            course = _course(index, locales, topics, slug, data, number)
            if not course.runs().exists():
                _runs(course, data, number)
        _index_for_search()
    if stdout is not None:
        stdout.write("Catalogue: programmes page, topics, courses and runs.")


def _index_for_search() -> None:
    """Index the catalogue now, so that search works before any task worker has run."""
    for page in CoursePage.objects.live().select_related("topic"):
        index.insert_or_update_object(page)


def _index_pages(locales) -> dict[str, CourseIndexPage]:
    home_ar = HomePage.objects.get(locale=locales["ar"])
    index = CourseIndexPage.objects.filter(locale=locales["ar"], slug="programmes").first()
    if index is None:
        index = CourseIndexPage(slug="programmes", show_in_menus=True, **INDEX["ar"])
        home_ar.add_child(instance=index)
        index.save_revision().publish()
    pages = {"ar": index}
    for code in ("en", "fr"):
        pages[code] = translate_page(index, locales[code], {**INDEX[code], "slug": "programmes"})
    return pages


def _topics(locales) -> dict[str, dict[str, Topic]]:
    topics = {}
    for slug, names in TOPICS.items():
        source = Topic.objects.filter(slug=slug, locale=locales["ar"]).first()
        if source is None:
            source = Topic.objects.create(slug=slug, name=names["ar"], locale=locales["ar"])
        topics[slug] = {"ar": source}
        for code in ("en", "fr"):
            translated = source.get_translation_or_none(locales[code])
            if translated is None:
                translated = source.copy_for_translation(locales[code])
                translated.name = names[code]
                translated.save()
            topics[slug][code] = translated
    return topics


def _course(index, locales, topics, slug, data, number) -> CoursePage:
    course = CoursePage.objects.filter(locale=locales["ar"], slug=slug).first()
    if course is None:
        course = CoursePage(
            slug=slug,
            topic=topics[data["topic"]]["ar"],
            hours=data["hours"],
            level=data["level"],
            delivery_mode=data["mode"],
            partners=data["partners"],
            image=_banner(slug, number),
            search_description=data["ar"]["summary"],
            **data["ar"],
        )
        index["ar"].add_child(instance=course)
        _instructors(course, "ar", number)
        course.save_revision().publish()
    for code in ("en", "fr"):
        if course.get_translation_or_none(locales[code]) is not None:
            continue
        translated = course.copy_for_translation(locales[code])
        for name, value in data[code].items():
            setattr(translated, name, value)
        translated.slug = slug
        translated.topic = topics[data["topic"]][code]
        translated.search_description = data[code]["summary"]
        for instructor in translated.instructors.all():
            key = INSTRUCTOR_BY_ARABIC_NAME.get(instructor.name)
            if key in INSTRUCTORS:
                instructor.name, instructor.role, instructor.bio = INSTRUCTORS[key][code]
                instructor.save()
        translated.save()
        translated.save_revision().publish()
    return course


def _instructors(course, code, number) -> None:
    """The course page's instructor cards, and the same people assigned to teach it (as staff
    would assign them, here by the platform itself)."""
    users = get_user_model().objects.filter(username__in=INSTRUCTORS).order_by("username")
    chosen = [user for user in users if number % 2 == 0 or user.username == "instructor2"]
    if number % 3 == 2:
        chosen = []
    for order, user in enumerate(chosen):
        name, role, bio = INSTRUCTORS[user.username][code]
        CourseInstructor.objects.create(
            page=course,
            name=name,
            role=role,
            bio=bio,
            photo=_portrait(user.username, INSTRUCTORS[user.username]["en"][0]),
            sort_order=order,
        )
        assign_instructor(course=course, user=user, by=None)


def _runs(course, data, number) -> None:
    today = timezone.localdate()
    mode = data["mode"]
    other_mode = DeliveryMode.ONLINE if mode != DeliveryMode.ONLINE else DeliveryMode.BLENDED
    plans = [
        # start offset (days), length, language, mode, status, opens offset, closes before start
        (-120 - number * 9, 3, RUN_LANGUAGES[number], mode, RunStatus.FINISHED, -170, 10),
        (25 + number * 4, 3, RUN_LANGUAGES[(number + 1) % 8], mode, RunStatus.SCHEDULED, -15, 5),
        (
            95 + number * 6,
            2,
            RUN_LANGUAGES[(number + 2) % 8],
            other_mode,
            RunStatus.SCHEDULED,
            30,
            10,
        ),
    ]
    if number == 2:
        plans.append((60, 2, "en", mode, RunStatus.CANCELLED, -10, 7))
    for start_offset, length, language, run_mode, status, opens, closes_before in plans:
        start = today + dt.timedelta(days=start_offset)
        online = run_mode == DeliveryMode.ONLINE
        run = CourseRun.objects.create(
            course=course,
            start_date=start,
            end_date=start + dt.timedelta(days=length - 1),
            delivery_mode=run_mode,
            language=language,
            venue="" if online else VENUES[language],
            online_url="https://meet.example.org/rtc" if run_mode != DeliveryMode.IN_PERSON else "",
            capacity=20 + (number % 3) * 5,
            enrollment_opens=_at(today + dt.timedelta(days=opens), 8),
            enrollment_closes=_at(start - dt.timedelta(days=closes_before), 23),
            admission_policy=(AdmissionPolicy.OPEN, AdmissionPolicy.APPROVAL)[number % 2],
            status=status,
        )
        for day in range(length):
            date = start + dt.timedelta(days=day)
            Session.objects.create(
                run=run,
                title=f"{day + 1}",
                starts_at=_at(date, 9),
                ends_at=_at(date, 12, 30),
                room="" if online else "A",
                sort_order=day,
            )


def _at(date: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(date, dt.time(hour, minute)))


def _image(title: str, draw) -> object:
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def _banner(slug: str, number: int):
    from PIL import Image as PILImage
    from PIL import ImageDraw

    def draw():
        image = PILImage.new("RGB", (1200, 630), COLOURS[number % len(COLOURS)])
        pen = ImageDraw.Draw(image)
        for step in range(0, 1200, 60):
            pen.line([(step, 630), (step + 300, 0)], fill=(255, 255, 255), width=2)
        return image

    return _image(f"demo-course-{slug}", draw)


def _portrait(username: str, name: str):
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    def draw():
        image = PILImage.new("RGB", (320, 320), "#073a50")
        pen = ImageDraw.Draw(image)
        initials = "".join(part[0] for part in name.split()[:2]).upper()
        try:
            font = ImageFont.truetype("DejaVuSans-Bold.ttf", 120)
        except OSError:
            font = ImageFont.load_default()
        pen.text((160, 160), initials, fill="#ffffff", font=font, anchor="mm")
        return image

    return _image(f"demo-instructor-{username}", draw)
