"""A trainee's own data: export as JSON, and the request to delete the account."""

from django.contrib.auth import get_user_model
from django.db import transaction

from training_site.core.email import language_for, send_templated_email
from training_site.core.roles import STAFF_GROUP

from ..models import AccountDeletionRequest, Enrollment, TraineeProfile


def _iso(value):
    return value.isoformat() if value else None


def export_personal_data(*, user) -> dict:
    """Everything the centre holds about `user` in this app, and only theirs."""
    profile = TraineeProfile.objects.filter(user=user).first()
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("run__course")
        .prefetch_related("history")
        .order_by("created_at", "pk")
    )
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
        },
        "profile": None
        if profile is None
        else {
            "name_latin": profile.name_latin,
            "name_arabic": profile.name_arabic,
            "country": str(profile.country),
            "organisation": profile.organisation,
            "organisation_type": profile.organisation_type,
            "job_title": profile.job_title,
            "preferred_language": profile.preferred_language,
            "sex": profile.sex,
            "consent_at": _iso(profile.consent_at),
        },
        "enrollments": [
            {
                "id": str(enrollment.public_id),
                "course": enrollment.run.course.title,
                "run_starts": _iso(enrollment.run.start_date),
                "run_ends": _iso(enrollment.run.end_date),
                "status": enrollment.status,
                "applied_at": _iso(enrollment.created_at),
                "history": [
                    {
                        "from": change.from_status,
                        "to": change.to_status,
                        "at": _iso(change.at),
                        "reason": change.reason,
                    }
                    for change in enrollment.history.all()
                ],
            }
            for enrollment in enrollments
        ],
    }


def request_account_deletion(*, user) -> AccountDeletionRequest:
    """Record the request (once while it is open) and tell the centre staff by e-mail."""
    with transaction.atomic():
        existing = AccountDeletionRequest.objects.filter(user=user, handled_at__isnull=True).first()
        if existing is not None:
            return existing
        request = AccountDeletionRequest.objects.create(user=user, email=user.email)
        staff = (
            get_user_model()
            .objects.filter(groups__name=STAFF_GROUP, is_active=True)
            .exclude(email="")
        )
        for member in staff.select_related("trainee_profile"):
            send_templated_email(
                to=member.email,
                template="account_deletion_requested",
                context={"requester": user.email, "request": request},
                language=language_for(member),
            )
        return request


def has_open_deletion_request(user) -> bool:
    return AccountDeletionRequest.objects.filter(user=user, handled_at__isnull=True).exists()
