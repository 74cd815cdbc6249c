"""One table says what each change clears (training_site.core.caching.invalidation)."""

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

import pytest

from courses.reports import impact
from training_site.core.auth_backends import PERMISSIONS
from training_site.core.caching import invalidation
from training_site.core.caching.content import CONTENT
from training_site.core.caching.pages import GENERATION
from training_site.models import StandardPage

pytestmark = pytest.mark.django_db

VERSIONS = {
    invalidation.CONTENT: CONTENT,
    invalidation.PAGES: GENERATION,
    invalidation.PERMISSIONS: PERMISSIONS,
}

# Every model whose change a visitor or a permission check must see at once, and what it clears.
MUST_CLEAR = {
    "training_site.CentreSettings": {"content", "pages"},
    "training_site.PartnerLogo": {"content", "pages"},
    "wagtailcore.Site": {"content", "pages"},
    "wagtailcore.Locale": {"content", "pages"},
    "wagtailimages.Image": {"content", "pages"},
    "courses.Topic": {"content", "pages"},
    "courses.CourseInstructor": {"content", "pages"},
    "courses.CourseRun": {"pages"},
    "courses.Session": {"pages"},
    "courses.Enrollment": {"pages", "impact"},
    "auth.Group": {"permissions"},
    "auth.Permission": {"permissions"},
    "auth.Group.permissions": {"permissions"},
    "auth.User.groups": {"permissions"},
    "auth.User.user_permissions": {"permissions"},
}


def _cleared(send, django_capture_on_commit_callbacks) -> set[str]:
    before = {name: version.current() for name, version in VERSIONS.items()}
    cache.set(impact.cache_key("en"), {"figures": 1})
    with django_capture_on_commit_callbacks(execute=True):
        send()
    cleared = {name for name, version in VERSIONS.items() if version.current() != before[name]}
    if cache.get(impact.cache_key("en")) is None:
        cleared.add("impact")
    return cleared


def test_the_table_covers_every_model_whose_change_must_clear_something():
    assert {label: set(names) for label, names in invalidation.TABLE.items()} == MUST_CLEAR


@pytest.mark.parametrize("label", sorted(MUST_CLEAR))
def test_a_change_clears_what_the_table_says(label, django_capture_on_commit_callbacks):
    if label.count(".") == 2:
        app_model, field = label.rsplit(".", 1)
        through = apps.get_model(app_model)._meta.get_field(field).remote_field.through

        def send():
            m2m_changed.send(sender=through, instance=None, action="post_add", pk_set={1})

        assert _cleared(send, django_capture_on_commit_callbacks) == MUST_CLEAR[label]
        return
    model = apps.get_model(label)
    for signal in (post_save, post_delete):

        def send(signal=signal):
            signal.send(sender=model, instance=model(), created=True, raw=False)

        assert _cleared(send, django_capture_on_commit_callbacks) == MUST_CLEAR[label]


def test_a_draft_clears_nothing_and_publishing_it_clears_the_cached_pages(client, home_pages):
    page = home_pages["en"]
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    content = CONTENT.current()

    page.hero_title = "A draft headline"
    revision = page.save_revision()
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    assert CONTENT.current() == content

    revision.publish()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "A draft headline" in response.content.decode()
    assert CONTENT.current() != content


def test_a_new_draft_page_clears_nothing(client, home_pages):
    client.get("/en/")
    home_pages["en"].add_child(instance=StandardPage(title="Not yet", slug="not-yet", live=False))
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_unpublishing_and_deleting_a_live_page_clear_the_cached_pages(client, home_pages):
    page = home_pages["en"].add_child(instance=StandardPage(title="About", slug="about"))
    client.get("/en/")
    page.unpublish()
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    page.save_revision().publish()
    client.get("/en/")
    page.delete()
    assert client.get("/en/")["X-Page-Cache"] == "miss"
