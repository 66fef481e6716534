"""Absolute URLs for API output: mirrors live on other hosts, so every link must
work without knowing where the portal is."""

from django.urls import reverse
from wagtail.models import Site


def portal_root(request) -> str:
    """The public portal's origin (the default Wagtail site), e.g. ``https://x.go.id``."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


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
