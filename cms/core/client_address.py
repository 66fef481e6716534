"""The client's address behind our trusted proxies (``API_TRUSTED_PROXIES``), for
the API's rate limits and the login lockouts.

``X-Forwarded-For`` is believed only when the direct peer is one of our proxies,
and then read from the right: hops further left were written by the client, so a
spoofed header cannot move an attacker to a fresh address.
"""

from functools import lru_cache
from ipaddress import ip_address, ip_network

from django.conf import settings


@lru_cache(maxsize=16)
def _trusted_networks(proxies: tuple[str, ...]):
    return tuple(ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _is_trusted(address: str, networks) -> bool:
    try:
        parsed = ip_address(address.strip())
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_ip(request) -> str:
    """``REMOTE_ADDR``, or the first hop from the right no trusted proxy added."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _trusted_networks(tuple(getattr(settings, "API_TRUSTED_PROXIES", ())))
    if not networks or not _is_trusted(remote, networks):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        hop = hop.strip()
        if hop and not _is_trusted(hop, networks):
            return hop
    return remote
