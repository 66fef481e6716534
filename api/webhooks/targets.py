"""Which URLs a webhook may be sent to.

An endpoint URL is typed by an OPD editor and then fetched by our server, so it must
not reach into the government's own network (Elasticsearch, Redis, metadata
services): only HTTPS to public addresses in production. The address is checked
again at send time, and the connection is made to the checked address, so a DNS
answer that changes in between (rebinding) cannot redirect the POST.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class TargetRefused(Exception):
    """The URL may not receive webhooks (scheme or address not allowed)."""


class HostNotFound(TargetRefused):
    """The name does not resolve (now): retried at the next attempt."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # the name in the URL: Host header, TLS SNI and certificate check
    addresses: tuple[str, ...]  # the checked IP addresses we may connect to
    port: int
    path: str  # path and query


def allow_http() -> bool:
    return getattr(settings, "WEBHOOKS_ALLOW_HTTP", settings.DEBUG)


def allow_private_networks() -> bool:
    return getattr(settings, "WEBHOOKS_ALLOW_PRIVATE_NETWORKS", settings.DEBUG)


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _check_scheme(url: str):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetRefused(_("Gunakan URL http(s) lengkap."))
    if parts.scheme == "http" and not allow_http():
        raise TargetRefused(_("Gunakan HTTPS: muatan webhook harus terenkripsi."))
    return parts


def _addresses(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostNotFound(_("Nama host tidak ditemukan.")) from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


def resolve_target(url: str) -> Target:
    """The URL's parts and its checked addresses, or ``TargetRefused``."""
    parts = _check_scheme(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = _addresses(parts.hostname, port)
    if not allow_private_networks():
        refused = [a for a in addresses if not _is_public(a)]
        if refused:
            raise TargetRefused(
                _("Alamat %(address)s berada di jaringan privat dan ditolak.")
                % {"address": refused[0]}
            )
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(parts.scheme, parts.hostname, tuple(addresses), port, path)


def validate_webhook_url(url: str) -> None:
    """Model/form validator: scheme always; address when the name resolves now (a
    site not online yet may still be registered, and is checked again at send)."""
    try:
        parts = _check_scheme(url)
        if parts.username or parts.password:
            raise TargetRefused(_("Jangan cantumkan nama pengguna/sandi di URL."))
        resolve_target(url)
    except HostNotFound:
        return
    except TargetRefused as exc:
        raise ValidationError(str(exc), code="webhook_url") from exc
