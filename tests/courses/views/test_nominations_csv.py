"""Nominating by CSV upload, over HTTP."""

import io

from django.core import mail

import pytest

from courses.models import Nomination
from courses.services import nominations as services
from tests.courses.views.nominations_http import nominee, url

pytestmark = pytest.mark.django_db

HEADER = "name,email,organisation,job_title,language\n"


def upload(client, run, content: bytes, lang="en"):
    handle = io.BytesIO(content)
    handle.name = "nominees.csv"
    return client.post(url("courses:nominate_csv", run.public_id, lang=lang), {"file": handle})


# --- CSV ------------------------------------------------------------------------------------------


def test_a_good_csv_nominates_everyone(
    client, focal_point, invitation_run, django_capture_on_commit_callbacks
):
    client.force_login(focal_point.user)
    content = (
        "\ufeff" + HEADER + "Amal,amal@example.org,PSD,Investigator,ar\r\n"
        "Rami,rami@example.org,MoL,Inspector,fr\r\n"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, invitation_run, content)
    assert response.status_code == 302
    assert set(Nomination.objects.values_list("email", "language")) == {
        ("amal@example.org", "ar"),
        ("rami@example.org", "fr"),
    }
    assert len(mail.outbox) == 2


def test_a_csv_with_any_bad_row_imports_nothing_and_lists_every_error(
    client, focal_point, invitation_run
):
    invitation_run.seats_per_country = 3
    invitation_run.save()
    services.nominate(
        run=invitation_run, focal_point=focal_point, nominee=nominee("taken@example.org")
    )
    client.force_login(focal_point.user)
    content = (
        (
            HEADER + "Good,good@example.org,PSD,Inv,ar\n"  # 2
            "Taken,taken@example.org,PSD,Inv,ar\n"  # 3 already nominated
            "Bad,bad-address,PSD,Inv,ar\n"  # 4
            "Dup,GOOD@example.org,PSD,Inv,ar\n"  # 5
        ).encode()
    )
    response = upload(client, invitation_run, content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "nothing was imported" in html
    for row in ('<td class="row-number">4</td>', '<td class="row-number">5</td>'):
        assert row in html
    assert Nomination.objects.count() == 1
    # With the file's own errors fixed, the run's checks speak: the taken address and the quota.
    content = (
        HEADER + "Good,good@example.org,PSD,Inv,ar\n"
        "Taken,taken@example.org,PSD,Inv,ar\n"
        "Two,two@example.org,PSD,Inv,ar\n"
        "Three,three@example.org,PSD,Inv,ar\n"
    ).encode()
    html = upload(client, invitation_run, content).content.decode()
    assert "taken@example.org is already nominated" in html
    assert "Over the quota: Jordan has 2 seats left" in html
    assert '<td class="row-number">5</td>' in html
    assert Nomination.objects.count() == 1


def test_a_csv_with_wrong_columns_is_refused(client, focal_point, invitation_run):
    client.force_login(focal_point.user)
    html = upload(client, invitation_run, b"name,mail\nA,a@example.org\n").content.decode()
    assert "Missing columns" in html and "Unknown columns: mail" in html
    assert not Nomination.objects.exists()


def test_a_csv_that_is_not_utf8_is_refused_in_the_users_language(
    client, focal_point, invitation_run
):
    client.force_login(focal_point.user)
    content = (HEADER + "Éloïse,e@example.org,Org,Job,fr\n").encode("cp1252")
    html = upload(client, invitation_run, content, lang="ar").content.decode()
    assert "UTF-8" in html
    assert 'lang="ar"' in html and "is not UTF-8 text" not in html
    assert not Nomination.objects.exists()
