"""One client address for every throttle: X-Forwarded-For is read only from trusted proxies."""

from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

import pytest

from training_site.core.client_ip import client_ip
from training_site.settings import deployment

PROXY = "10.0.0.5"


def _request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_a_header_from_an_untrusted_peer_is_ignored(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_ip(_request("203.0.113.7", "198.51.100.1, 10.0.0.5")) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_client_is_the_address_the_proxy_appended(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    # The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
    assert client_ip(_request(PROXY, "6.6.6.6, 198.51.100.1")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "::1"]
    request = _request("::1", "6.6.6.6, 198.51.100.1, 10.1.2.3, 10.0.0.5")
    assert client_ip(request) == "198.51.100.1"


def test_garbage_in_the_header_stops_the_walk_at_the_last_trusted_hop(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(_request(PROXY, "198.51.100.1, not-an-address")) == PROXY
    assert client_ip(_request(PROXY, "")) == PROXY
    assert client_ip(_request(PROXY)) == PROXY


def test_ports_brackets_and_mapped_addresses_are_understood(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_ip(_request(PROXY, "198.51.100.1:5555")) == "198.51.100.1"
    assert client_ip(_request(PROXY, "[2001:db8::1]:443")) == "2001:db8::1"
    assert client_ip(_request("::ffff:10.0.0.5", "198.51.100.1")) == "198.51.100.1"


def test_no_peer_address_at_all(settings):
    assert client_ip(_request("")) == "unknown"


def test_trusted_proxies_come_from_the_environment():
    assert deployment.trusted_proxies({}) == []
    parsed = deployment.trusted_proxies({"TRUSTED_PROXIES": "127.0.0.1, ::1,10.0.0.0/8"})
    assert parsed == ["127.0.0.1/32", "::1/128", "10.0.0.0/8"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        deployment.trusted_proxies({"TRUSTED_PROXIES": "the-load-balancer"})


def test_behind_the_proxy_each_visitor_has_their_own_verification_allowance(client, settings, db):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.CERTIFICATE_VERIFY_LIMIT = 2
    url = "/en/verify/AAAA-BBBB-CCCC-DDDD/"
    for _ in range(3):
        first = client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert first.status_code == 429
    other = client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.2")
    assert other.status_code == 200  # not lumped with everyone behind the proxy


def test_sign_in_is_limited_by_the_same_address(client, settings, db):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXIES = [PROXY]
    request = _request(PROXY, "6.6.6.6, 198.51.100.1")
    assert get_adapter(request).get_client_ip(request) == client_ip(request) == "198.51.100.1"
    spoofed = _request("198.51.100.9", "203.0.113.5")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # what deployments used to set: must not matter
    assert get_adapter(spoofed).get_client_ip(spoofed) == "198.51.100.9"
