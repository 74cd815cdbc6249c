"""What the enrollment list shows and exports about a trainee, column by column."""

from django.utils.translation import gettext_lazy as _


def _profile(enrollment):
    return getattr(enrollment.user, "trainee_profile", None)


def trainee_name(enrollment) -> str:
    profile = _profile(enrollment)
    return profile.name_latin if profile else enrollment.user.get_full_name()


def trainee_country(enrollment) -> str:
    profile = _profile(enrollment)
    return str(profile.country.name) if profile and profile.country else ""


def trainee_organisation(enrollment) -> str:
    profile = _profile(enrollment)
    return profile.organisation if profile else ""


def trainee_organisation_type(enrollment) -> str:
    profile = _profile(enrollment)
    return str(profile.get_organisation_type_display()) if profile else ""


EXPORT_COLUMNS = {
    "name_latin": (_("Name (Latin script)"), trainee_name),
    "name_arabic": (
        _("Name (Arabic script)"),
        lambda e: _profile(e).name_arabic if _profile(e) else "",
    ),
    "email": (_("E-mail"), lambda e: e.user.email),
    "country": (_("Country"), trainee_country),
    "organisation": (_("Organisation"), trainee_organisation),
    "organisation_type": (_("Type of organisation"), trainee_organisation_type),
    "job_title": (_("Job title"), lambda e: _profile(e).job_title if _profile(e) else ""),
    "sex": (_("Sex"), lambda e: str(_profile(e).get_sex_display()) if _profile(e) else ""),
    "course": (_("Course"), lambda e: e.run.course.title),
    "run_start": (_("Start date"), lambda e: e.run.start_date),
    "status": (_("Status"), lambda e: str(e.get_status_display())),
    "applied_at": (_("Applied at"), lambda e: e.created_at),
    "reference": (_("Reference"), lambda e: str(e.public_id)),
}
