"""E-mails about a person's enrollment, in the recipient's language (called by the services)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from training_site.core.email import language_for, send_templated_email

from ..choices import EnrollmentStatus
from ..models import CoursePage, Enrollment, TraineeProfile

# Which e-mail a status change sends; changes not listed send nothing.
TEMPLATES = {
    EnrollmentStatus.PENDING: "enrollment_pending",
    EnrollmentStatus.ENROLLED: "enrollment_enrolled",
    EnrollmentStatus.WAITLISTED: "enrollment_waitlisted",
    EnrollmentStatus.DECLINED: "enrollment_declined",
    EnrollmentStatus.WITHDRAWN: "enrollment_withdrawn",
}


def course_titles(courses, language: str) -> dict[int, str]:
    """Course page id → title in `language` (falls back to the page's own title); one query."""
    courses = list(courses)
    keys = {course.translation_key for course in courses}
    translated = (
        dict(
            CoursePage.objects.filter(translation_key__in=keys, locale__language_code=language)
            .values_list("translation_key", "title")
            .iterator()
        )
        if keys
        else {}
    )
    return {course.pk: translated.get(course.translation_key, course.title) for course in courses}


def _display_name(user) -> str:
    profile = TraineeProfile.objects.filter(user=user).only("name_latin", "name_arabic").first()
    if profile is not None:
        return profile.name_latin
    return user.get_full_name() or user.get_username()


def enrollment_context(enrollment: Enrollment, language: str) -> dict:
    run = enrollment.run
    with translation.override(language):
        dashboard = reverse("courses:dashboard")
    return {
        "name": _display_name(enrollment.user),
        "course_title": course_titles([run.course], language)[run.course.pk],
        "run": run,
        "enrollment": enrollment,
        "admitted": enrollment.holds_seat,
        "dashboard_url": dashboard,
    }


def notify(enrollment: Enrollment, template: str, **extra) -> None:
    """Send `template` about `enrollment` to its trainee, in their language, after commit."""
    user = enrollment.user
    if not user.email:
        return
    language = language_for(user)
    context = enrollment_context(enrollment, language) | extra
    send_templated_email(to=user.email, template=template, context=context, language=language)


def notify_status(enrollment: Enrollment, *, previous: str, reason: str = "") -> None:
    """The e-mail that goes with a status change (nothing for completion, handled elsewhere)."""
    status = enrollment.status
    if status == EnrollmentStatus.ENROLLED and previous == EnrollmentStatus.WAITLISTED:
        template = "enrollment_promoted"
    else:
        template = TEMPLATES.get(status)
    if template is None:
        return
    extra = {"reason": reason}
    if status == EnrollmentStatus.WAITLISTED:
        extra["position"] = waitlist_position(enrollment)
    notify(enrollment, template, **extra)


def waitlist_position(enrollment: Enrollment) -> int:
    """1 for the first person on the run's waiting list."""
    since = enrollment.waitlisted_at or timezone.now()
    ahead = (
        Enrollment.objects.waitlist()
        .filter(run_id=enrollment.run_id)
        .filter(Q(waitlisted_at__lt=since) | Q(waitlisted_at=since, pk__lt=enrollment.pk))
        .count()
    )
    return ahead + 1


def notify_reminder(enrollment: Enrollment) -> None:
    days = (enrollment.run.start_date - timezone.localdate()).days
    notify(enrollment, "enrollment_reminder", days=days)
