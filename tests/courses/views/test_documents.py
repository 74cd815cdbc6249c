"""Lesson documents: private files, downloaded through a checked view under an unguessable URL."""

import json
import re

from django.conf import settings

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def _lesson_with(course, document, **kwargs):
    body = [
        {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}}
    ]
    return factories.LessonPageFactory(parent=course, body=json.dumps(body), **kwargs)


@pytest.fixture
def handout(course, private_storage):
    document = factories.DocumentFactory(title="Referral checklist")
    _lesson_with(course, document)
    return document


def _download(client, document, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def test_the_file_is_private_and_its_address_is_not_its_id(handout, private_storage):
    assert str(private_storage) in handout.file.path
    assert str(settings.MEDIA_ROOT) not in handout.file.path
    with pytest.raises(ValueError):
        _ = handout.file.url  # no public URL at all
    assert handout.url == f"/documents/{handout.key}/{handout.filename}"
    assert not re.search(rf"/{handout.pk}/", handout.url)


def test_trainees_with_a_place_download_it_as_an_attachment(client, handout, run):
    trainee = factories.EnrollmentFactory(run=run).user
    response = _download(client, handout, trainee)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "private" in response["Cache-Control"]


def test_who_may_read_a_lesson_document(client, handout, course, run, mfa_staff_user):
    instructor = factories.UserFactory()
    factories.make_instructor(course, instructor)
    withdrawn = factories.EnrollmentFactory(run=run, status="withdrawn").user
    answers = {
        "instructor": _download(client, handout, instructor).status_code,
        "staff": _download(client, handout, mfa_staff_user).status_code,
        "staff without two-factor": _download(
            client, handout, factories.StaffFactory()
        ).status_code,
        "trainee without a place": _download(
            client, handout, factories.TraineeFactory()
        ).status_code,
        "withdrawn trainee": _download(client, handout, withdrawn).status_code,
    }
    assert answers == {
        "instructor": 200,
        "staff": 200,
        "staff without two-factor": 404,
        "trainee without a place": 404,
        "withdrawn trainee": 404,
    }
    anonymous = _download(client, handout)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_the_old_public_addresses_give_nothing(client, handout, mfa_staff_user):
    client.force_login(mfa_staff_user)
    assert client.get(f"/documents/{handout.pk}/{handout.filename}").status_code == 404
    assert client.get(f"/media/{handout.file.name}").status_code == 404
    assert client.get(handout.url).status_code == 200
    assert client.get(handout.url.replace(handout.filename, "other.pdf")).status_code == 404


def test_a_document_no_page_uses_is_for_staff_and_its_uploader(client, private_storage):
    uploader = factories.UserFactory()
    document = factories.DocumentFactory(uploaded_by_user=uploader)
    assert _download(client, document, uploader).status_code == 200
    assert _download(client, document, factories.TraineeFactory()).status_code == 404


def test_a_document_linked_from_a_public_page_is_public(client, home_pages, private_storage):
    from training_site.models import StandardPage

    document = factories.DocumentFactory()
    link = f'<p><a linktype="document" id="{document.pk}">Annual report</a></p>'
    page = StandardPage(
        title="Reports", slug="reports", body=json.dumps([{"type": "paragraph", "value": link}])
    )
    home_pages["en"].add_child(instance=page)
    page.save_revision().publish()
    assert document.url in client.get(page.url).content.decode()
    assert _download(client, document).status_code == 200


def test_the_collections_privacy_still_applies(client, handout, run):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3"
    )
    handout.collection = collection
    handout.save()
    trainee = factories.EnrollmentFactory(run=run).user
    response = _download(client, handout, trainee)
    assert response.status_code == 200
    assert "Content-Disposition" not in response  # the password form, not the file
    assert 'type="password"' in response.content.decode()


def test_the_lesson_shows_the_download_link(client, handout, run, course):
    lesson = course.get_children().live().last().specific
    trainee = factories.EnrollmentFactory(run=run).user
    client.force_login(trainee)
    html = client.get(lesson.url).content.decode()
    assert f'href="{handout.url}"' in html
    assert "Referral checklist" in html
