"""Run as `python -m tests.faults.bulk_world <command>` with DJANGO_SETTINGS_MODULE set to
tests.faults.worker_settings: `setup N` makes a run with N completed enrollments and starts its
bulk certificate issue (queued in the database); `again` starts it again, as staff would;
`report` prints the facts the fault test checks, as JSON."""

import json
import sys

import django


def setup(count: int) -> None:
    from wagtail.models import Page

    from certificates.tasks import start_bulk_issue
    from courses.choices import EnrollmentStatus
    from tests import factories

    factories.locale("ar")
    root = Page.get_first_root_node()
    index = factories.CourseIndexPageFactory(parent=root)
    course = factories.CoursePageFactory(parent=index)
    run = factories.CourseRunFactory(
        course=course, certificate_template=factories.CertificateTemplateFactory()
    )
    factories.EnrollmentFactory.create_batch(count, run=run, status=EnrollmentStatus.COMPLETED)
    staff = factories.StaffFactory()
    start_bulk_issue(run=run, by=staff)  # autocommit: the tasks are queued on return


def again() -> None:
    from certificates.tasks import start_bulk_issue
    from courses.models import CourseRun

    start_bulk_issue(run=CourseRun.objects.get(), by=None)


def report() -> dict:
    from django.db.models import Count, Q

    from django_tasks_db.models import DBTaskResult

    from certificates.choices import CertificateStatus
    from certificates.models import BulkIssue
    from courses.models import Enrollment

    bulks = list(BulkIssue.objects.all())
    valid = Enrollment.objects.annotate(
        n=Count("certificates", filter=Q(certificates__status=CertificateStatus.VALID))
    )
    return {
        "bulks": [bulk.counts() for bulk in bulks],
        "certificates_per_enrollment": sorted(valid.values_list("n", flat=True)),
        "tasks": dict(
            DBTaskResult.objects.values_list("status").annotate(n=Count("pk")).order_by()
        ),
    }


if __name__ == "__main__":
    django.setup()
    command, *args = sys.argv[1:]
    if command == "setup":
        setup(int(args[0]))
    elif command == "again":
        again()
    else:
        print(json.dumps(report()))
