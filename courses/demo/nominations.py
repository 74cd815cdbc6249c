"""Demo nominations: focal@example.org is Jordan's focal point, with a few nominees."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..choices import AdmissionPolicy, NominationStatus
from ..models import FocalPoint, Nomination
from ..services.nominations import appoint_focal_point, runs_open_for_nominations

FOCAL_EMAIL = "focal@example.org"
NOMINEES = [
    # name, e-mail, organisation, job title, language, status
    (
        "Amal Haddad",
        "amal.haddad@example.org",
        "Public Security Directorate",
        "Investigator",
        "ar",
        NominationStatus.SENT,
    ),
    (
        "Rami Saleh",
        "rami.saleh@example.org",
        "Ministry of Labour",
        "Labour inspector",
        "en",
        NominationStatus.SENT,
    ),
    (
        "Lina Khoury",
        "lina.khoury@example.org",
        "Ministry of Social Development",
        "Shelter case manager",
        "fr",
        NominationStatus.DECLINED,
    ),
]


def seed(*, stdout=None) -> None:
    focal_user = get_user_model().objects.filter(email=FOCAL_EMAIL).first()
    if focal_user is None:
        return
    focal_point = FocalPoint.objects.filter(user=focal_user).first()
    if focal_point is None or focal_point.country != "JO":
        focal_point = appoint_focal_point(user=focal_user, country="JO", by=None)
    runs = list(runs_open_for_nominations().filter(admission_policy=AdmissionPolicy.INVITATION)[:2])
    created = 0
    for run in runs:
        for name, email, organisation, job_title, language, status in NOMINEES:
            _nomination, made = Nomination.objects.get_or_create(
                run=run,
                email=email,
                defaults={
                    "nominated_by": focal_user,
                    "country": "JO",
                    "name": name,
                    "organisation": organisation,
                    "job_title": job_title,
                    "language": language,
                    "status": status,
                    "answered_at": timezone.now() if status != NominationStatus.SENT else None,
                },
            )
            created += made
    if stdout is not None:
        stdout.write(
            f"Nominations: {focal_user.email} is the focal point for Jordan; "
            f"{created} nominations added on {len(runs)} invitation-only runs."
        )
