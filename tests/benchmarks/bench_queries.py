"""Queries per page with few and many courses / enrollments: the counts must be equal.

Each page is requested twice before it is counted, as on a running site whose shared caches
(site, settings, menus, permissions) are warm; the count is that of one steady-state request.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.benchmarks.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from courses.models import CourseIndexPage, CoursePage  # noqa: E402
from tests import factories  # noqa: E402


def count(client, url) -> int:
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def measure(pages) -> dict[str, int]:
    return {name: count(client, url) for name, (client, url) in pages.items()}


def main() -> None:
    index = CourseIndexPage.objects.get(locale__language_code="ar")
    topic = factories.TopicFactory()
    courses = [factories.CoursePageFactory(parent=index, topic=topic) for _ in range(5)]
    runs = [factories.CourseRunFactory(course=course) for course in courses]
    lesson = factories.LessonPageFactory(parent=courses[0])
    trainee = factories.TraineeFactory()
    factories.EnrollmentFactory(user=trainee, run=runs[0])
    anonymous, viewer, learner = Client(), Client(), Client()
    viewer.force_login(factories.UserFactory())  # signed in: past the page cache
    learner.force_login(trainee)
    pages = {
        "catalogue (anonymous, cached)": (anonymous, index.url),
        "catalogue (signed in)": (viewer, index.url),
        "course page (anonymous, cached)": (anonymous, courses[0].url),
        "course page (signed in)": (viewer, courses[0].url),
        "lesson page (trainee)": (learner, lesson.url),
        "dashboard (trainee)": (learner, "/ar/my/"),
    }
    small_courses = CoursePage.objects.filter(locale=index.locale).count()
    small = measure(pages)
    for _ in range(195):
        course = factories.CoursePageFactory(parent=index, topic=topic)
        factories.CourseRunFactory(course=course)
    for _ in range(29):
        factories.EnrollmentFactory(user=trainee, run=factories.CourseRunFactory(course=courses[2]))
    large_courses = CoursePage.objects.filter(locale=index.locale).count()
    large = measure(pages)

    print(
        f"| page | {small_courses} courses, 1 enrollment | {large_courses} courses, "
        "30 enrollments | equal |"
    )
    print("|---|---:|---:|---|")
    for page in small:
        same = "yes" if small[page] == large[page] else "NO"
        print(f"| {page} | {small[page]} | {large[page]} | {same} |")


if __name__ == "__main__":
    main()
