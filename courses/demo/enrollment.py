"""Demo trainees with profiles from several countries, and their places on upcoming runs.

Runs after `courses.demo.catalogue`; with no runs it only creates the profiles. Idempotent.
Enrollments are written directly (with their history) so that seeding sends no e-mail.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from training_site.demo.site import DEMO_PASSWORD

from ..choices import EnrollmentStatus, OrganisationType, RunStatus, Sex
from ..models import CourseRun, Enrollment, EnrollmentStatusChange, TraineeProfile

# username, e-mail, Latin name, Arabic name, country, organisation, type, job title, language, sex
TRAINEES = [
    (
        "trainee",
        "trainee@example.org",
        "Omar Farouk",
        "عمر فاروق",
        "JO",
        "Public Security Directorate",
        OrganisationType.POLICE,
        "Investigator",
        "ar",
        Sex.MALE,
    ),
    (
        "trainee2",
        "trainee2@example.org",
        "Aicha Benali",
        "عائشة بن علي",
        "MA",
        "Ministère de la Justice",
        OrganisationType.PROSECUTION,
        "Substitute prosecutor",
        "fr",
        Sex.FEMALE,
    ),
    (
        "trainee3",
        "trainee3@example.org",
        "Mona Saleh",
        "منى صالح",
        "EG",
        "National Council for Women",
        OrganisationType.SOCIAL_SERVICES,
        "Case manager",
        "ar",
        Sex.FEMALE,
    ),
    (
        "trainee4",
        "trainee4@example.org",
        "Karim Ben Youssef",
        "كريم بن يوسف",
        "TN",
        "Inspection générale du travail",
        OrganisationType.LABOUR_INSPECTION,
        "Labour inspector",
        "fr",
        Sex.MALE,
    ),
    (
        "trainee5",
        "trainee5@example.org",
        "Layla Haddad",
        "ليلى حداد",
        "LB",
        "KAFA (enough) Violence & Exploitation",
        OrganisationType.NGO,
        "Programme officer",
        "en",
        Sex.FEMALE,
    ),
    (
        "trainee6",
        "trainee6@example.org",
        "Hassan Al-Amiri",
        "حسن العامري",
        "IQ",
        "Supreme Judicial Council",
        OrganisationType.JUDICIARY,
        "Investigative judge",
        "ar",
        "",
    ),
]

# (trainee username, index of the upcoming run, status path from the first status to the last)
PLACES = [
    ("trainee", 0, [EnrollmentStatus.ENROLLED]),
    ("trainee", 1, [EnrollmentStatus.PENDING]),
    ("trainee", 2, [EnrollmentStatus.WAITLISTED]),
    ("trainee2", 0, [EnrollmentStatus.PENDING, EnrollmentStatus.ENROLLED]),
    ("trainee2", 1, [EnrollmentStatus.ENROLLED, EnrollmentStatus.WITHDRAWN]),
    ("trainee3", 0, [EnrollmentStatus.ENROLLED]),
    ("trainee4", 1, [EnrollmentStatus.PENDING, EnrollmentStatus.DECLINED]),
    ("trainee5", 0, [EnrollmentStatus.WAITLISTED]),
    ("trainee6", 1, [EnrollmentStatus.PENDING]),
]
DECLINE_REASON = "The run is reserved for prosecutors this year."


def seed(*, stdout=None) -> None:
    with transaction.atomic():
        users = {username: demo_trainee(*row) for username, *row in TRAINEES}
        runs = list(
            CourseRun.objects.upcoming()
            .filter(status=RunStatus.SCHEDULED)
            .select_related("course")
            .order_by("start_date", "pk")[:3]
        )
        staff = get_user_model().objects.filter(username="staff").first()
        created = 0
        for username, index, path in PLACES:
            if index < len(runs):
                created += _place(users[username], runs[index], path, staff)
    if stdout is not None:
        stdout.write(f"Enrollment: {len(users)} trainee profiles, {created} new enrollments.\n")


def demo_trainee(
    email, name_latin, name_arabic, country, organisation, org_type, job, lang, sex=""
):
    """A demo trainee with a verified e-mail and a profile (kept as it is if it exists)."""
    User = get_user_model()
    username = email.split("@")[0]
    first, _, last = name_latin.partition(" ")
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    TraineeProfile.objects.get_or_create(
        user=user,
        defaults={
            "name_latin": name_latin,
            "name_arabic": name_arabic,
            "country": country,
            "organisation": organisation,
            "organisation_type": org_type,
            "job_title": job,
            "preferred_language": lang,
            "sex": sex,
            "consent_at": timezone.now(),
        },
    )
    return user


def _place(user, run, path, staff) -> int:
    if Enrollment.objects.filter(user=user, run=run).exists():
        return 0
    if EnrollmentStatus.ENROLLED in path and run.seats_left() <= 0:
        path = [EnrollmentStatus.WAITLISTED]
    when = timezone.now() - dt.timedelta(days=len(path) + 1)
    enrollment = Enrollment.objects.create(user=user, run=run, status=path[-1])
    if path[-1] == EnrollmentStatus.WAITLISTED:
        enrollment.waitlisted_at = when
        enrollment.save(update_fields=["waitlisted_at"])
    previous = ""
    for step, status in enumerate(path):
        by = user if step == 0 or status == EnrollmentStatus.WITHDRAWN else staff
        change = EnrollmentStatusChange.objects.create(
            enrollment=enrollment,
            from_status=previous,
            to_status=status,
            by=by,
            reason=DECLINE_REASON if status == EnrollmentStatus.DECLINED else "",
        )
        EnrollmentStatusChange.objects.filter(pk=change.pk).update(
            at=when + dt.timedelta(days=step)
        )
        previous = status
    return 1
