"""Every URL of the project, requested as every role: each cell has an expected answer.

A URL pattern added without an entry here fails `test_every_url_has_an_entry`, so no new page
can ship without someone deciding who may see it. Requests are GETs; views that only accept
POST are expected to refuse a GET (after the login check for signed-in-only views).
"""

import re
from collections.abc import Callable

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

import pytest
from allauth.mfa.models import Authenticator

from courses.choices import AdmissionPolicy, DeliveryMode, EnrollmentStatus
from courses.models import AccountDeletionRequest, Attempt
from courses.services.nominations import appoint_focal_point, issue_letter, make_token
from tests import factories
from tests.routes import all_routes

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "trainee_a",
    "trainee_b",
    "focal_x",
    "focal_y",
    "instructor_1",
    "instructor_2",
    "staff_no_mfa",
    "staff",
)
SIGNED_IN = ROLES[1:]

# Third-party views (allauth's accounts and two-factor pages, Wagtail's page-privacy helpers,
# Django's language switch): they hold no data of ours; we require only that none fails (5xx)
# for any role, and they are tested by their projects.
EXTERNAL = re.compile(r"^(account_|mfa_|wagtailcore_|set_language$)")


def every(answer):
    return dict.fromkeys(ROLES, answer)


def signed_in(answer="ok", anonymous="login"):
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, answer)}


def only(allowed: tuple[str, ...], *, others="404", anonymous="login", answer="ok"):
    cells = {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, others)}
    cells.update(dict.fromkeys(allowed, answer))
    return cells


# Staff without two-factor authentication hold no staff powers on the front end either: they
# are answered like any signed-in person (training_site.roles.is_centre_staff).
STAFF = ("staff",)
FOCAL = ("focal_x", "focal_y")

# name -> (how to build the URL from the world, expected answer per role)
MATRIX: dict[str, tuple[Callable[[dict], str], dict[str, str]]] = {
    "healthz": (lambda w: reverse("healthz"), every("ok")),
    # The admin signs in through allauth; its users without two-factor are sent to enable it.
    # (Instructors hold the admin through their role, granted by staff, like focal points.)
    "admin_login": (
        lambda w: reverse("admin_login"),
        only(
            ("focal_x", "focal_y", "instructor_1", "instructor_2", "staff_no_mfa"),
            others="login",
            answer="redirect",
        ),
    ),
    # Superuser-only operations check (POST to enqueue; results 404 for anyone else, which
    # LocaleMiddleware turns into a redirect to the language-prefixed 404 page).
    "task_probe": (lambda w: reverse("task_probe"), every("405")),
    "task_probe_result": (lambda w: reverse("task_probe_result", args=["x"]), every("redirect")),
    "sitemap": (lambda w: reverse("sitemap"), every("ok")),
    "verify_redirect": (lambda w: f"/verify/{w['certificate'].code}/", every("redirect")),
    # catalogue: public
    "courses:run_ics": (
        lambda w: reverse("courses:run_ics", args=[w["run"].public_id]),
        every("ok"),
    ),
    "courses:runs_feed": (lambda w: reverse("courses:runs_feed"), every("ok")),
    "courses:brochure": (lambda w: reverse("courses:brochure"), every("ok")),
    # a trainee's own space
    "courses:dashboard": (lambda w: reverse("courses:dashboard"), signed_in()),
    "courses:profile": (lambda w: reverse("courses:profile"), signed_in()),
    "courses:my_data": (lambda w: reverse("courses:my_data"), signed_in()),
    "courses:delete_account": (lambda w: reverse("courses:delete_account"), signed_in()),
    "certificates:mine": (lambda w: reverse("certificates:mine"), signed_in()),
    # People without a complete trainee profile are sent to complete it first.
    "courses:apply": (
        lambda w: reverse("courses:apply", args=[w["run"].public_id]),
        only(("trainee_a", "trainee_b"), others="redirect"),
    ),
    "courses:withdraw": (
        lambda w: reverse("courses:withdraw", args=[w["enrollment"].public_id]),
        only(("trainee_a",)),
    ),
    "courses:run_progress": (
        lambda w: reverse("courses:run_progress", args=[w["enrollment"].public_id]),
        only(("trainee_a",)),
    ),
    "courses:invitation_letter": (
        lambda w: reverse("courses:invitation_letter", args=[w["enrollment"].public_id]),
        only(("trainee_a", *STAFF)),
    ),
    "courses:letter_confirm": (
        lambda w: reverse("courses:letter_confirm", args=[w["letter"].code]),
        every("ok"),
    ),
    # learning (POST only)
    "courses:lesson_done": (
        lambda w: reverse("courses:lesson_done", args=[w["lesson"].translation_key]),
        signed_in("405"),
    ),
    "courses:attempt_start": (
        lambda w: reverse("courses:attempt_start", args=[w["test"].translation_key]),
        signed_in("405"),
    ),
    "courses:attempt_submit": (
        lambda w: reverse("courses:attempt_submit", args=[w["attempt"].public_id]),
        signed_in("405"),
    ),
    "courses:attempt_result": (
        lambda w: reverse("courses:attempt_result", args=[w["attempt"].public_id]),
        only(("trainee_a",)),
    ),
    # teaching
    "courses:teaching_runs": (
        lambda w: reverse("courses:teaching_runs"),
        only(("instructor_1", "instructor_2", *STAFF)),
    ),
    "courses:teaching_run": (
        lambda w: reverse("courses:teaching_run", args=[w["run"].public_id]),
        only(("instructor_1", *STAFF)),
    ),
    "courses:roll_call": (
        lambda w: reverse("courses:roll_call", args=[w["session"].public_id]),
        only(("instructor_1", *STAFF)),
    ),
    "courses:override_completion": (
        lambda w: reverse("courses:override_completion", args=[w["enrollment"].public_id]),
        only(STAFF),
    ),
    # focal points and nominations
    "courses:focal_point": (lambda w: reverse("courses:focal_point"), only(FOCAL)),
    "courses:nominate": (
        lambda w: reverse("courses:nominate", args=[w["invitation_run"].public_id]),
        only(FOCAL),
    ),
    "courses:nominate_csv": (
        lambda w: reverse("courses:nominate_csv", args=[w["invitation_run"].public_id]),
        only(FOCAL),
    ),
    "courses:nomination": (lambda w: reverse("courses:nomination", args=[w["token"]]), every("ok")),
    "courses:nomination_accept": (
        lambda w: reverse("courses:nomination_accept", args=[w["token"]]),
        every("405"),
    ),
    "courses:nomination_decline": (
        lambda w: reverse("courses:nomination_decline", args=[w["token"]]),
        every("405"),
    ),
    # certificates
    "certificates:verify": (lambda w: reverse("certificates:verify"), every("ok")),
    "certificates:verify_file": (lambda w: reverse("certificates:verify_file"), every("405")),
    "certificates:verify_json": (
        lambda w: reverse("certificates:verify_json", args=[w["certificate"].code]),
        every("ok"),
    ),
    "certificates:verify_code": (
        lambda w: reverse("certificates:verify_code", args=[w["certificate"].code]),
        every("ok"),
    ),
    "certificates:download": (
        lambda w: reverse("certificates:download", args=[w["certificate"].public_id]),
        only(("trainee_a", "focal_x", *STAFF)),
    ),
    # study visits
    "visits:request": (lambda w: reverse("visits:request"), every("ok")),
    # Shown only right after a request was sent; otherwise back to the form.
    "visits:request_sent": (lambda w: reverse("visits:request_sent"), every("redirect")),
}


def _names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or None
            full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            if str(pattern.pattern).startswith(("admin/", "documents/")):
                continue
            yield from _names(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_an_entry():
    names = {name for name in _names(get_resolver().url_patterns) if name != "wagtail_serve"}
    missing = sorted(n for n in names if n not in MATRIX and not EXTERNAL.match(n))
    assert not missing, f"URLs without an entry in the permission matrix: {missing}"
    assert not sorted(set(MATRIX) - names), "entries for URLs that no longer exist"


@pytest.fixture
def world(course_index, private_storage, fake_certificate_pdf):
    from certificates.services import issue_certificate

    users = {
        "trainee_a": factories.TraineeFactory(),
        "trainee_b": factories.TraineeFactory(),
        "instructor_1": factories.UserFactory(),
        "instructor_2": factories.UserFactory(),
        "staff_no_mfa": factories.StaffFactory(),
        "staff": factories.StaffFactory(),
    }
    Authenticator.objects.create(
        user=users["staff"], type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    users["focal_x"] = appoint_focal_point(user=factories.UserFactory(), country="JO", by=None).user
    users["focal_y"] = appoint_focal_point(user=factories.UserFactory(), country="EG", by=None).user
    course_1 = factories.CoursePageFactory(parent=course_index)
    course_2 = factories.CoursePageFactory(parent=course_index)
    for course, key in ((course_1, "instructor_1"), (course_2, "instructor_2")):
        factories.make_instructor(course, users[key])
    run = factories.CourseRunFactory(course=course_1, delivery_mode=DeliveryMode.IN_PERSON)
    factories.CourseRunFactory(course=course_2)  # instructor 2 teaches a run of their own
    session = factories.SessionFactory(run=run)
    enrollment = factories.EnrollmentFactory(user=users["trainee_a"], run=run)
    lesson = factories.LessonPageFactory(parent=course_1)
    test = factories.AssessmentPageFactory(parent=course_1)
    attempt = Attempt.objects.create(
        enrollment=enrollment,
        assessment=test,
        kind=test.kind,
        number=1,
        seed=7,
        score=50,
        submitted_at=timezone.now(),
    )
    finished = factories.CourseRunFactory(
        course=course_1, certificate_template=factories.CertificateTemplateFactory()
    )
    completed = factories.EnrollmentFactory(
        user=users["trainee_a"],
        run=finished,
        status=EnrollmentStatus.COMPLETED,
        completed_at=timezone.now(),
    )
    factories.NominationFactory(
        run=finished,
        nominated_by=users["focal_x"],
        enrollment=completed,
        email=users["trainee_a"].email,
    )
    invitation_run = factories.CourseRunFactory(
        course=course_1, admission_policy=AdmissionPolicy.INVITATION
    )
    open_nomination = factories.NominationFactory(run=invitation_run, nominated_by=users["focal_x"])
    return {
        "users": users,
        "run": run,
        "session": session,
        "enrollment": enrollment,
        "lesson": lesson,
        "test": test,
        "attempt": attempt,
        "certificate": issue_certificate(enrollment=completed, by=users["staff"]),
        "letter": issue_letter(enrollment=enrollment),
        "invitation_run": invitation_run,
        "token": make_token(open_nomination),
    }


def _answer(response) -> str:
    code = response.status_code
    if code == 200:
        return "ok"
    if code in (301, 302):
        return "login" if "/accounts/login/" in response["Location"] else "redirect"
    return str(code)


def _client_for(client, world, role):
    client.logout()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, world, name):
    build, expected = MATRIX[name]
    url = (
        "/en" + build(world)
        if not build(world).startswith(("/en/", "/ar/", "/fr/"))
        and name.split(":")[0] in ("courses", "certificates", "visits")
        else build(world)
    )
    wrong = {}
    for role in ROLES:
        answer = _answer(_client_for(client, world, role).get(url))
        if answer != expected[role]:
            wrong[role] = f"expected {expected[role]}, got {answer}"
    assert not wrong, f"{url}: {wrong}"


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_email", "mfa_index"])
def test_external_views_never_fail(client, world, name):
    for role in ROLES:
        response = _client_for(client, world, role).get(reverse(name))
        assert response.status_code < 500, (name, role)


def test_lesson_bodies_only_for_people_with_a_place(client, world):
    url = world["lesson"].url
    readers = {"trainee_a", "instructor_1", "staff"}
    for role in ROLES:
        html = _client_for(client, world, role).get(url).content.decode()
        assert ("Secret lesson body text." in html) == (role in readers), role


# --- the Wagtail admin: the project's own viewsets and views ---------------------------------------

OUR_APPS = ("courses", "certificates", "training_site")
ADMIN_ROLES = ROLES


def _our_admin_namespaces() -> set[str]:
    """Namespaces of the admin URLs the project registers itself (snippets and hooks)."""
    from wagtail import hooks
    from wagtail.admin.viewsets.base import ViewSetGroup
    from wagtail.snippets.models import get_snippet_models

    namespaces = set()
    for model in get_snippet_models():
        if model._meta.app_label in OUR_APPS:
            namespaces.add(model.snippet_viewset.url_namespace)
            namespaces.add(model.snippet_viewset.chooser_viewset.url_namespace)
    for hook in ("register_admin_viewset", "register_admin_urls"):
        for fn in hooks.get_hooks(hook):
            if fn.__module__.split(".")[0] not in OUR_APPS:
                continue
            found = fn()
            for item in found if isinstance(found, list | tuple) else [found]:
                members = item.registerables if isinstance(item, ViewSetGroup) else [item]
                for member in members:
                    namespace = getattr(member, "url_namespace", None) or getattr(
                        member, "namespace", None
                    )
                    if namespace:
                        namespaces.add(namespace)
    return namespaces


def _admin_routes():
    """(name, route) of every admin URL in one of the project's own namespaces."""

    ours = _our_admin_namespaces()
    for name, route in all_routes():
        if route.startswith("admin/") and name.split(":")[0] in ours:
            yield name, route


@pytest.fixture
def admin_world(world):
    """The world, with two-factor authentication for the instructors and the focal points (the
    admin is closed to them until they enable it, like to staff), and one object per viewset."""
    from courses.models import FocalPoint, InstructorAssignment, Nomination
    from courses.services.privacy import request_account_deletion
    from training_site.models import RoleGrant
    from training_site.roles import ensure_groups

    instructors = ensure_groups()["instructors"]
    for role in ("instructor_1", "instructor_2", "focal_x", "focal_y"):
        if role.startswith("instructor"):
            world["users"][role].groups.add(instructors)
        Authenticator.objects.create(
            user=world["users"][role], type=Authenticator.Type.TOTP, data={"secret": "X"}
        )
    certificate = world["certificate"]
    request_account_deletion(user=world["users"]["trainee_b"])
    objects = {
        "courses_topic": factories.TopicFactory(),
        "courses_courserun": world["run"],
        "courses_enrollment": world["enrollment"],
        "certificates_certificatetemplate": certificate.enrollment.run.certificate_template,
        "visit_requests": factories.VisitRequestFactory(),
        "account_deletion_requests": AccountDeletionRequest.objects.get(),
        "nominations": Nomination.objects.filter(run=world["invitation_run"]).get(),
        "focal_points": FocalPoint.objects.get(user=world["users"]["focal_x"]),
        "certificate": certificate,
        "role_grants": RoleGrant.objects.first(),
        "instructor_assignments": InstructorAssignment.objects.first(),
    }
    return {**world, "objects": objects, "finished_run": certificate.enrollment.run}


def _admin_url(world, name: str, route: str) -> str:
    namespace = name.split(":")[0]
    key = re.sub(r"^wagtailsnippet(s|choosers)_", "", namespace)
    target = world["objects"].get(key)
    values = {
        "pk": lambda: target.pk,
        "run_id": lambda: world["finished_run"].public_id,
        "public_id": lambda: world["certificate"].public_id,
    }
    kwargs = {variable: values[variable]() for variable in re.findall(r"<(?:\w+:)?(\w+)>", route)}
    return reverse(name, kwargs=kwargs)


# What each role gets from the project's admin URLs. Anonymous visitors and trainees (no admin
# access) are sent to sign in; staff without two-factor are sent to enable it; instructors and
# focal points (with two-factor) reach only the reports, which show their own runs or country
# (tests/courses/test_reports_*), and the choosers of public things (topics and runs, which
# course pages pick); centre staff reach everything except what no one may do in the admin
# (certificates are issued, revoked and re-issued only by the workflows; enrollments change
# only through the services; visit requests come only from the public form).
ADMIN_REFUSED = "refused"
NOBODY = {  # views refused to everyone, staff included
    "certificate": ("add", "copy", "delete", "edit", "history", "history_results", "usage"),
    "wagtailsnippets_courses_enrollment": (
        "add",
        "copy",
        "delete",
        "edit",
        "history",
        "history_results",
        "usage",
    ),
    "wagtailsnippetchoosers_courses_enrollment": ("create",),
    "visit_requests": ("add",),
    "account_deletion_requests": ("add", "copy", "delete"),
    # A role or an assignment is granted or withdrawn, never edited (courses/wagtail_hooks/roles);
    # Wagtail's usage view asks for the edit permission.
    "role_grants": ("edit", "usage"),
    "instructor_assignments": ("edit", "usage"),
}
SCOPED = ("course_reports",)  # instructors and focal points see their own part
PUBLIC_CHOOSERS = (
    "wagtailsnippetchoosers_courses_topic",
    "wagtailsnippetchoosers_courses_courserun",
)
SCOPED_ROLES = ("instructor_1", "instructor_2", "focal_x", "focal_y")


def _admin_expected(name: str, role: str) -> str:
    namespace, view = name.split(":")
    if role in ("anonymous", "trainee_a", "trainee_b"):
        return "login"
    if role == "staff_no_mfa":
        return "mfa"
    if view in NOBODY.get(namespace, ()):
        return ADMIN_REFUSED
    if role == "staff":
        return "ok"
    if namespace in SCOPED or (namespace in PUBLIC_CHOOSERS and view != "create"):
        return "ok"
    return ADMIN_REFUSED


def _admin_answer(response) -> str:
    code = response.status_code
    if code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        if "/2fa/" in location:
            return "mfa"
        # The admin's "no permission" sends to its home; a 404 in the admin is turned into a
        # redirect to the language-prefixed path by LocaleMiddleware.
        if location.rstrip("/").endswith("/admin") or re.match(r"^/(ar|en|fr)/admin/", location):
            return ADMIN_REFUSED
        return f"redirect to {location}"
    if code in (403, 404):
        return ADMIN_REFUSED
    return "ok" if code == 200 else str(code)


def test_every_admin_url_of_the_project_is_in_the_matrix():
    routes = dict(_admin_routes())
    assert len(routes) > 100  # every viewset and view the project registers is enumerated
    namespaces = {name.split(":")[0] for name in routes}
    known = {*NOBODY, *SCOPED, *PUBLIC_CHOOSERS} | {
        "wagtailsnippets_courses_topic",
        "wagtailsnippets_courses_courserun",
        "wagtailsnippets_certificates_certificatetemplate",
        "wagtailsnippetchoosers_certificates_certificatetemplate",
        "certificate_issuance",
        "focal_points",
        "nominations",
    }
    assert not namespaces - known, f"admin viewsets without a decision: {namespaces - known}"


@pytest.mark.parametrize("name", sorted(dict(_admin_routes())))
def test_admin_permission_matrix(client, admin_world, name):
    url = _admin_url(admin_world, name, dict(_admin_routes())[name])
    wrong = {}
    for role in ROLES:
        answer = _admin_answer(_client_for(client, admin_world, role).get(url))
        if answer != _admin_expected(name, role):
            wrong[role] = f"expected {_admin_expected(name, role)}, got {answer}"
    assert not wrong, f"{url}: {wrong}"
