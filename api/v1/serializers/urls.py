"""Absolute URLs for API output: mirrors live on other hosts, so every link must
work without knowing where the portal is."""

from django.urls import reverse

from cms.core.public_urls import public_base


def portal_root(request) -> str:
    """The public portal's origin (``PORTAL_BASE_URL``), e.g. ``https://x.go.id``."""
    return public_base()


def absolute_url(url: str | None, request) -> str | None:
    """``url`` as an absolute URL; relative ones are resolved against the portal."""
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return "https:" + url
    return portal_root(request) + url


def api_url(name: str, request, **kwargs) -> str:
    path = reverse(f"v1:{name}", kwargs=kwargs)
    return request.build_absolute_uri(path) if request is not None else path
