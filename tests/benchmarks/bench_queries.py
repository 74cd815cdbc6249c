"""Queries per page with few and many courses / enrollments: the counts must be equal."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.benchmarks.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from courses.models import CourseIndexPage  # noqa: E402
from tests import factories  # noqa: E402


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def main() -> None:
    index = CourseIndexPage.objects.get(locale__language_code="ar")
    viewer = factories.UserFactory()
    client = Client()
    client.force_login(viewer)  # logged in: past the page cache
    topic = factories.TopicFactory()
    courses = [factories.CoursePageFactory(parent=index, topic=topic) for _ in range(5)]
    for course in courses:
        factories.CourseRunFactory(course=course)
    small = {"catalogue": count(client, index.url), "course page": count(client, courses[0].url)}
    for _ in range(195):
        course = factories.CoursePageFactory(parent=index, topic=topic)
        factories.CourseRunFactory(course=course)
    large = {"catalogue": count(client, index.url), "course page": count(client, courses[0].url)}

    trainee = factories.TraineeFactory()
    trainee_client = Client()
    trainee_client.force_login(trainee)
    factories.EnrollmentFactory(user=trainee, run=factories.CourseRunFactory(course=courses[1]))
    small["dashboard"] = count(trainee_client, "/ar/my/")
    for _ in range(29):
        factories.EnrollmentFactory(user=trainee, run=factories.CourseRunFactory(course=courses[2]))
    large["dashboard"] = count(trainee_client, "/ar/my/")

    print(
        "| page | small (5 courses / 1 enrollment) | large (200 courses / 30 enrollments) | equal |"
    )
    print("|---|---:|---:|---|")
    for page in small:
        print(
            f"| {page} | {small[page]} | {large[page]} | {'yes' if small[page] == large[page] else 'NO'} |"
        )


if __name__ == "__main__":
    main()
