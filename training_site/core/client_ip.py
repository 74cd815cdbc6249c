"""The client's network address: the one function every throttle and log uses.

`REMOTE_ADDR` is the peer that opened the connection. Behind a reverse proxy that peer is the
proxy, and the client's address is in `X-Forwarded-For`, which anyone can also write. So the
header is read only when the peer is one of `TRUSTED_PROXIES` (addresses or networks, from the
environment; default: none), and then from the right: each trusted proxy appends the address it
saw, so the first address from the right that is not a trusted proxy is the client. Whatever the
client wrote further left is never read.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
UNKNOWN = "unknown"


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def parse_address(value: str) -> Address | None:
    """An address as written in REMOTE_ADDR or X-Forwarded-For ("[::1]:80" and "1.2.3.4:80"
    included), IPv4-mapped IPv6 addresses as IPv4; None if it is not an address."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The address of the client that sent `request`, as a string ("unknown" if there is none)."""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return UNKNOWN
    if not _trusted(peer, networks):
        return str(peer)
    client = peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:  # a hop our proxies did not write: stop at the last one they did
            break
        client = address
        if not _trusted(address, networks):
            break
    return str(client)
