"""Names and titles show what they say: the hidden-character rule (training_site.core.text), on every
field and form that holds human text, and names inside `<bdi>` where lists mix scripts."""

import importlib
import pkgutil

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Template
from django.utils import translation

from wagtail.fields import RichTextField
from wagtail.models import Page

import pytest

from tests import factories
from training_site.core.text import (
    hidden_characters,
    validate_text_line,
    validate_text_lines,
    without_hidden_characters,
)

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "\u202eluaP" shows as "Paul"
REFUSED = [
    "\u202a", "\u202b", "\u202c", "\u202d", RLO,  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # direction marks
    "\u200b", "\ufeff", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u00ad",
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\n", "\r", "\t",  # control characters
    "\u2028", "\u2029", "\ud800",  # line and paragraph separators, a lone surrogate
    "\U000e0041",  # a tag character
]  # fmt: skip
ACCEPTED = [
    "Omar Farouk",
    "عمر فاروق",
    "Zoë O'Brien-Lefèvre",
    "می\u200cخواهم",  # Persian with a zero-width non-joiner
    "नमस्\u200dते",  # a zero-width joiner
    "Ministry of Interior (وزارة الداخلية)",
    "李小龍",
]


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("character", REFUSED)
def test_every_hidden_character_is_refused_in_a_line(character):
    value = f"Om{character}ar"
    assert hidden_characters(value) == [character]
    with pytest.raises(ValidationError) as refused:
        validate_text_line(value)
    assert refused.value.code == "hidden_characters"
    assert without_hidden_characters(value) == "Omar"


@pytest.mark.parametrize("value", ACCEPTED)
def test_names_in_any_script_are_accepted(value):
    assert hidden_characters(value) == []
    validate_text_line(value)
    validate_text_lines(value)


def test_several_lines_may_break_but_not_reverse():
    validate_text_lines("Ministry of Interior\r\nDirectorate\tof Residency")
    with pytest.raises(ValidationError):
        validate_text_lines(f"Ministry\n{RLO}of Interior")


@pytest.mark.parametrize(
    ("language", "words"), [("en", "cannot be seen"), ("fr", "invisible"), ("ar", "مرئي")]
)
def test_the_message_names_the_character_in_the_users_language(language, words):
    with pytest.raises(ValidationError) as refused, translation.override(language):
        validate_text_line(f"{RLO}luaP")
    with translation.override(language):
        message = refused.value.messages[0]
    assert words in message
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in message


# --- every field that holds human text carries it ----------------------------------------------

PROJECT_APPS = ("courses", "certificates", "training_site")

# Text fields of the project's models that are not typed by people, each with its reason.
NOT_HUMAN_TEXT = {
    "certificates.Certificate.serial": "a serial number the platform allocates",
    "certificates.Certificate.code": "a verification code the platform draws",
    "certificates.Certificate.pdf_sha256": "a hash",
    "certificates.CertificateTemplate.accent_colour": "a colour, checked by its own validator",
    "certificates.BulkIssueItem.error": "written by the platform when an issue fails",
    "courses.InvitationLetter.code": "a reference the platform draws",
    "wagtailcore.Page.path": "the page tree's position, written by Wagtail",
}
# Fields of Wagtail and Django that people type into (training_site.core.patches attaches the rule).
LIBRARY_FIELDS = [
    (Page, "title"),
    (Page, "seo_title"),
    (Page, "search_description"),
    (get_user_model(), "first_name"),
    (get_user_model(), "last_name"),
    (apps.get_model("wagtailimages", "Image"), "title"),
]


def has_rule(field) -> bool:
    return validate_text_line in field.validators or validate_text_lines in field.validators


def human_text_fields(model):
    for field in model._meta.get_fields():
        if not isinstance(field, (models.CharField, models.TextField)) or not field.concrete:
            continue
        if isinstance(field, (models.SlugField, models.EmailField, models.URLField)):
            continue  # validated by their own, stricter rules
        if isinstance(field, RichTextField) or field.choices or not field.editable:
            continue  # rich text is sanitised as HTML; choices and generated values are ours
        owner = field.model._meta.label
        if f"{owner}.{field.name}" not in NOT_HUMAN_TEXT:
            yield f"{model._meta.label}.{field.name}", field


def test_every_text_field_people_type_into_refuses_hidden_characters():
    checked, missing = [], []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for label, field in human_text_fields(model):
            checked.append(label)
            if not has_rule(field):
                missing.append(label)
    for model, name in LIBRARY_FIELDS:
        checked.append(f"{model._meta.label}.{name}")
        if not has_rule(model._meta.get_field(name)):
            missing.append(f"{model._meta.label}.{name}")
    assert not missing, f"text fields without the hidden-character rule: {missing}"
    expected = {
        "courses.TraineeProfile.name_latin",
        "courses.TraineeProfile.name_arabic",
        "courses.Nomination.name",
        "courses.CoursePage.title",
        "courses.CourseRun.venue",
        "courses.Topic.name",
        "certificates.Certificate.holder_name_latin",
        "certificates.CertificateTemplate.name",
        "training_site.VisitRequest.contact_name",
        "training_site.VisitRequest.institutions",
        "training_site.CentreDocument.title",
    }
    assert expected <= set(checked)
    assert {label.rsplit(".", 1)[0] for label in NOT_HUMAN_TEXT} <= {
        model._meta.label for model in apps.get_models()
    }


def all_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from all_blocks(child)
    if hasattr(block, "child_block"):
        yield from all_blocks(block.child_block)


def test_every_text_block_of_every_stream_field_refuses_hidden_characters():
    from wagtail.blocks import CharBlock
    from wagtail.fields import StreamField

    checked, missing = [], []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField) or field.model is not model:
                continue
            for block in all_blocks(field.stream_block):
                # alt_text: Wagtail's own ImageBlock; screen readers read it, no page prints it.
                if isinstance(block, CharBlock) and block.name != "alt_text":
                    label = f"{model._meta.label}.{field.name}:{block.name or block.label}"
                    checked.append(label)
                    if validate_text_line not in block.field.validators:
                        missing.append(label)
    assert not missing, f"text blocks without the hidden-character rule: {missing}"
    assert len(checked) >= 5
    from training_site.blocks import HeadingBlock

    with pytest.raises(ValidationError):
        HeadingBlock().child_blocks["text"].clean(f"{RLO}gnidaeH")


# Form fields of the project's own forms that are not names or text to keep, with the reason.
FORM_FIELDS_NOT_KEPT = {
    "CatalogueFilterForm.q": "search text: never stored, never printed as a name",
    "VerifyCodeForm.code": "normalised to 16 letters and digits, anything else is refused",
    "VisitRequestForm.website": "the honeypot: must stay empty",
}
FORM_FIELD_NAMES_NOT_KEPT = {
    "username": "Django's username validator allows only letters, digits and @.+-_",
    "password1": "a password: never shown",
    "password2": "a password: never shown",
}


SKIPPED_MODULES = {"migrations", "settings", "gunicorn", "wsgi", "asgi"}


def project_forms():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if not SKIPPED_MODULES & set(module.name.split(".")):
                importlib.import_module(module.name)
    seen = set()
    stack = [forms.BaseForm]
    while stack:
        cls = stack.pop()
        for subclass in cls.__subclasses__():
            stack.append(subclass)
            if subclass.__module__.split(".")[0] in PROJECT_APPS and subclass not in seen:
                seen.add(subclass)
                yield subclass


def test_every_form_field_people_type_a_name_or_text_into_refuses_hidden_characters():
    checked, missing = [], []
    for form_class in project_forms():
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.CharField) or isinstance(
                field, (forms.EmailField, forms.SlugField, forms.URLField, forms.RegexField)
            ):
                continue
            label = f"{form_class.__name__}.{name}"
            if label in FORM_FIELDS_NOT_KEPT or name in FORM_FIELD_NAMES_NOT_KEPT:
                continue
            checked.append(label)
            model_field = _model_field(model, name)
            if not (has_rule(field) or (model_field is not None and has_rule(model_field))):
                missing.append(f"{form_class.__module__}.{label}")
    assert not missing, f"form fields without the hidden-character rule: {missing}"
    expected = {
        "NomineeForm.name",
        "NomineeForm.organisation",
        "TraineeProfileForm.name_latin",
        "TraineeProfileForm.name_arabic",
        "VisitRequestForm.contact_name",
        "VisitRequestForm.institutions",
    }
    assert expected <= set(checked)


def _model_field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a form field of its own, not the model's
        return None


# --- where it matters: forms, pages, the CSV ---------------------------------------------------


@pytest.mark.django_db
def test_a_page_title_that_reverses_itself_cannot_be_saved(course_index):
    page = factories.CoursePageFactory.build(title=f"{RLO}gnikcffart")
    with pytest.raises(ValidationError) as refused:
        course_index.add_child(instance=page)
    assert "title" in refused.value.message_dict


@pytest.mark.django_db
def test_a_study_visit_request_with_a_hidden_character_is_refused(client, home_pages):
    import datetime as dt

    from django.utils import timezone

    from training_site.models import VisitRequest

    start = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "country": "JO",
        "institutions": "Ministry\u200b of Interior",
        "contact_name": f"{RLO}rihsaB",
        "contact_email": "basher@example.org",
        "delegation_size": "3",
        "preferred_start": start.isoformat(),
        "preferred_end": (start + dt.timedelta(days=2)).isoformat(),
        "languages": ["en"],
        "website": "",
    }
    response = client.post("/en/study-visit-request/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in html
    assert "U+200B ZERO WIDTH SPACE" in html
    assert not VisitRequest.objects.exists()


# --- names inside <bdi> where lists mix scripts --------------------------------------------------


def test_the_bdi_filter_isolates_and_escapes():
    template = Template("{% load text_tags %}{{ name|bdi }}|{{ empty|bdi }}")
    html = template.render(Context({"name": "<b>عمر</b>", "empty": ""}))
    assert html == "<bdi>&lt;b&gt;عمر&lt;/b&gt;</bdi>|"


@pytest.fixture
def arabic_trainee_on_run(run):
    trainee = factories.TraineeFactory(profile__name_latin="Omar Farouk")
    return factories.EnrollmentFactory(run=run, user=trainee)


@pytest.mark.django_db
def test_the_instructors_roster_shows_names_in_bdi(client, course, arabic_trainee_on_run):
    run = arabic_trainee_on_run.run
    client.force_login(factories.make_instructor(course))
    html = client.get(f"/ar/teach/runs/{run.public_id}/").content.decode()
    assert "<bdi>Omar Farouk</bdi>" in html


@pytest.mark.django_db
def test_the_roll_call_shows_both_names_in_bdi(client, course, arabic_trainee_on_run):
    import datetime as dt

    from django.utils import timezone

    run = arabic_trainee_on_run.run
    begun = timezone.now() - dt.timedelta(hours=1)
    session = factories.SessionFactory(run=run, starts_at=begun)
    client.force_login(factories.make_instructor(course))
    html = client.get(f"/en/teach/sessions/{session.public_id}/roll-call/").content.decode()
    assert "<bdi>Omar Farouk</bdi>" in html
    assert "<bdi>عمر فاروق</bdi>" in html


@pytest.mark.django_db
def test_admin_listings_show_trainee_names_in_bdi(
    client, mfa_staff_user, completed_enrollment, fake_certificate_pdf
):
    from certificates.services import issue_certificate

    issue_certificate(enrollment=completed_enrollment, by=None)
    name = completed_enrollment.user.trainee_profile.name_latin
    client.force_login(mfa_staff_user)
    enrollments = client.get("/admin/snippets/courses/enrollment/")
    assert enrollments.status_code == 200, enrollments
    assert f"<bdi>{name}</bdi>" in enrollments.content.decode()
    certificates = client.get("/admin/certificate/").content.decode()
    assert f"<bdi>{name}</bdi>" in certificates
    assert "<bdi>عمر فاروق</bdi>" in certificates


@pytest.mark.django_db
def test_the_focal_points_page_shows_nominee_names_in_bdi(client, focal_point, invitation_run):
    from courses.services.nominations import nominate
    from tests.courses.views.nominations_http import nominee

    nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(name="أمل حداد"))
    client.force_login(focal_point.user)
    html = client.get("/en/focal-point/").content.decode()
    assert "<bdi>أمل حداد</bdi>" in html


@pytest.mark.django_db
def test_the_verification_page_isolates_the_holders_names(
    client, completed_enrollment, fake_certificate_pdf
):
    from certificates.services import issue_certificate

    certificate = issue_certificate(enrollment=completed_enrollment, by=None)
    html = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert f'<bdi dir="ltr">{certificate.holder_name_latin}</bdi>' in html
    assert '<bdi dir="rtl" lang="ar">عمر فاروق</bdi>' in html
