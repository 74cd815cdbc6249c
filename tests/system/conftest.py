"""The world the permission matrices walk: nine roles and one object of each kind, built once per
test module inside a transaction that is rolled back at the end (each test runs in a savepoint)."""

import json

from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Collection, PageViewRestriction

import pytest

from courses.choices import AdmissionPolicy, DeliveryMode, EnrollmentStatus
from courses.services.nominations import appoint_focal_point, issue_letter, make_token
from tests import factories


def _fake_pdf(certificate, **kwargs):
    return b"%PDF-1.7\n% " + certificate.code.encode() + b"\n%%EOF\n"


def _two_factor(user):
    factories.TOTPAuthenticatorFactory(user=user)


def build_world() -> dict:
    from certificates.services import issue_certificate
    from training_site.models import StandardPage

    homes = factories.home_pages({code: factories.locale(code) for code in ("ar", "en", "fr")})
    course_index = factories.CourseIndexPageFactory(parent=homes["ar"], title="البرامج")
    users = {
        "trainee_a": factories.TraineeFactory(),
        "trainee_b": factories.TraineeFactory(),
        "instructor_1": factories.UserFactory(),
        "instructor_2": factories.UserFactory(),
        "staff_no_mfa": factories.StaffFactory(),
        "staff": factories.StaffFactory(),
    }
    _two_factor(users["staff"])
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
    document = factories.DocumentFactory(title="Handout")
    lesson_body = [
        {"type": "paragraph", "value": "<p>Secret lesson body text.</p>", "id": "p1"},
        {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}},
    ]
    lesson = factories.LessonPageFactory(parent=course_1, body=json.dumps(lesson_body))
    test = factories.AssessmentPageFactory(parent=course_1)
    attempt = factories.AttemptFactory(enrollment=enrollment, assessment=test, seed=7, score=50)
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
    private_page = homes["en"].add_child(instance=StandardPage(title="Members", slug="members"))
    private_page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.PASSWORD, password="shared"
    )
    certificate = issue_certificate(enrollment=completed, by=users["staff"])
    return {
        "homes": homes,
        "users": users,
        "course": course_1,
        "run": run,
        "session": session,
        "enrollment": enrollment,
        "lesson": lesson,
        "test": test,
        "attempt": attempt,
        "document": document,
        "private_page": private_page,
        "certificate": certificate,
        "letter": issue_letter(enrollment=enrollment),
        "invitation_run": invitation_run,
        "token": make_token(open_nomination),
        "values": {
            "page_view_restriction_id": restriction.pk,
            "page_id": private_page.pk,
            "restriction_id": 0,  # set by the admin world (a collection's restriction)
        },
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    private = tmp_path_factory.mktemp("private")
    storages = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(private), "base_url": None},
        },
    }
    with (
        django_db_blocker.unblock(),
        override_settings(STORAGES=storages),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr("certificates.services.issuance.render_certificate_pdf", _fake_pdf)
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)


def build_admin_world(world: dict) -> dict:
    """Two-factor for the instructors and the focal points (the admin is closed to them until
    they enable it, like to staff), instructors' rights on their courses, and one object of each
    kind the admin's URLs name."""
    from django.contrib.auth.models import Group

    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import CollectionViewRestriction, Locale, Site, Task, Workflow

    from wagtail_factories import ImageFactory

    from courses.models import (
        AccountDeletionRequest,
        FocalPoint,
        InstructorAssignment,
        Nomination,
    )
    from courses.services.instructors import sync_instructor_permissions
    from courses.services.privacy import request_account_deletion
    from training_site.models import RoleGrant

    users = world["users"]
    for role in ("instructor_1", "instructor_2", "focal_x", "focal_y"):
        _two_factor(users[role])
    course = world["course"]
    sync_instructor_permissions(course=course)
    sync_instructor_permissions(
        course=InstructorAssignment.objects.get(user=users["instructor_2"]).course
    )
    certificate = world["certificate"]
    request_account_deletion(user=users["trainee_b"])
    collection = Collection.get_first_root_node().add_child(name="Handouts")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    image = ImageFactory(collection=Collection.get_first_root_node())
    lesson = world["lesson"]
    revision = course.save_revision(user=users["staff"])
    revision.publish()
    by_namespace = {
        "courses_topic": factories.TopicFactory(),
        "courses_courserun": world["run"],
        "courses_enrollment": world["enrollment"],
        "certificates_certificatetemplate": certificate.enrollment.run.certificate_template,
        "visit_requests": factories.VisitRequestFactory(),
        "account_deletion_requests": AccountDeletionRequest.objects.get(),
        "nominations": Nomination.objects.filter(run=world["invitation_run"]).get(),
        "focal_points": FocalPoint.objects.get(user=users["focal_x"]),
        "certificate": certificate,
        "role_grants": RoleGrant.objects.first(),
        "instructor_assignments": InstructorAssignment.objects.first(),
        "wagtailadmin_pages": course,
        "wagtailadmin_api:pages": course,
        "wagtailadmin_api:documents": world["document"],
        "wagtailadmin_api:images": image,
        "wagtailadmin_collections": collection,
        "wagtailadmin_workflows": Workflow.objects.first(),
        "wagtaildocs_chooser": world["document"],
        "wagtailimages_chooser": image,
        "wagtaillocales": Locale.objects.get(language_code="fr"),
        "wagtailsites": Site.objects.get(),
        "wagtailusers_users": users["trainee_b"],
        "wagtailusers_groups": Group.objects.get(name="Instructors"),
        "wagtail_localize": factories.TopicFactory(),
        "wagtailsettings": Site.objects.get(),  # site settings are edited by site
    }
    values = {
        **world["values"],
        "restriction_id": restriction.pk,
        "page_id": course.pk,
        "parent_page_id": course.pk,
        "page_to_move_id": lesson.pk,
        "destination_id": course.pk,
        "page_pk": course.pk,
        "workflow_pk": Workflow.objects.first().pk,
        "content_type_app_name": "courses",
        "content_type_model_name": "lessonpage",
        "revision_id": revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_id": Task.objects.first().pk,
        "collection_id": collection.pk,
        "redirect_id": Redirect.objects.create(old_path="/old", redirect_link="/en/").pk,
        "document_id": world["document"].pk,
        "doc_id": world["document"].pk,
        "image_id": image.pk,
        "filter_spec": "fill-80x80",
        "run_id": certificate.enrollment.run.public_id,
        "public_id": certificate.public_id,
        "app_name": "training_site",
        "app_label": "courses",
        "model_name": "topic",
        "action": "delete",
        "mode": "desktop",
    }
    return {**world, "by_namespace": by_namespace, "values": values}


@pytest.fixture(scope="module")
def admin_world(world, django_db_blocker):
    with django_db_blocker.unblock():
        return build_admin_world(world)
