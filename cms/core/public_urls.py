"""The portal's public origin (``PORTAL_BASE_URL``): every absolute URL a visitor,
crawler, feed reader or API client is given is built from it.

Neither the request's Host header nor Wagtail's Site row is trusted for this: the
Site row says ``http://localhost`` under ``make run`` and behind a proxy the Host
may be an internal name. The portal is one Wagtail site, so a page's public URL is
this origin plus the page's path within the site.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_base() -> str:
    """e.g. ``https://sipanganten.bantenprov.go.id`` (no trailing slash)."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def public_url(path: str) -> str:
    """``path`` (``/cari/``) on the public origin; absolute URLs are kept."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return "https:" + path
    return public_base() + "/" + path.lstrip("/")


def page_public_url(page, request=None) -> str | None:
    """The page's absolute public URL, or None when it is not routable.

    ``request`` (or any object) only caches Wagtail's site root paths across calls.
    """
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    return public_url(parts[2])


def public_host_port() -> tuple[str, int]:
    """Host and port of the origin, as Wagtail's Site row stores them."""
    origin = urlsplit(public_base())
    default = 443 if origin.scheme == "https" else 80
    return origin.hostname or "localhost", origin.port or default
