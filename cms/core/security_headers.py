"""Content-Security-Policy per area of the site, and the Permissions-Policy header.

django-csp builds and sends the header; this subclass only picks the policy by
path (its documented extension point, ``get_policy_parts``):

- the portal (everything not listed below): no ``'unsafe-inline'`` and no nonce.
  Portal pages are cached whole (portal/cache.py), so a nonce would be served to
  every reader of the cached copy: the portal has no inline script or style at all,
  and the only inline style blocks (the standalone error pages) are allowed by
  their hashes, computed from the templates. JSON-LD blocks are data, which CSP
  does not govern (browsers never execute them).
- the admin: Wagtail writes inline scripts (inline panels, date widgets) and
  styles, so ``'unsafe-inline'`` for both; everything else as strict as the portal.
  Its login page runs without inline scripts and gets the strict script policy.
- the API: JSON only, so nothing may load; its docs page loads its own assets.
- documents: served as they are (PDF viewers); no script may run in them.

A view may still adjust its policy with django-csp's decorators (``csp_update``,
``csp_replace``, ``csp_override``); those win over the area's policy.
"""

import hashlib
import re
from base64 import b64encode
from functools import lru_cache
from urllib.parse import urlsplit

from csp.constants import HEADER, HEADER_REPORT_ONLY, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

# Standalone pages with an inline <style> (they must render with nothing else up).
STANDALONE_TEMPLATES = ("500.html", "503.html")
YOUTUBE_EMBEDS = "https://www.youtube-nocookie.com"  # components/video_embed.html

# Powerful features nobody on the site uses. A later page that needs one (e.g.
# geolocation for a complaint form) allows it for itself: geolocation=(self).
DENIED_FEATURES = (
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)

# Pages whose URL or body holds a secret (a reporter's or requester's link, a
# receipt): Referer carries the origin alone, never the path. Not "no-referrer":
# under it browsers send "Origin: null" with every form POST (Fetch spec), which
# Django's CSRF check refuses, so the page's own forms would all fail with 403.
PRIVATE_PAGE_REFERRER_POLICY = "strict-origin"

_STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)


@lru_cache
def standalone_style_hashes() -> tuple[str, ...]:
    """``'sha256-…'`` of each inline style block of the standalone pages."""
    hashes = []
    for name in STANDALONE_TEMPLATES:
        try:
            source = get_template(name).template.source
        except TemplateDoesNotExist:
            continue
        for block in _STYLE_BLOCK.findall(source):
            digest = b64encode(hashlib.sha256(block.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return tuple(hashes)


def media_origins() -> list[str]:
    """Where images and media are loaded from besides this site: the S3 bucket
    (or its CDN domain) when media live there, plus ``CSP_MEDIA_ORIGINS``."""
    origins = list(getattr(settings, "CSP_MEDIA_ORIGINS", []))
    bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "")
    options = settings.STORAGES["default"].get("OPTIONS", {})
    if bucket and options.get("custom_domain"):
        origins.append(f"https://{options['custom_domain']}")
    elif bucket and options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        origins.append(f"{parts.scheme}://{parts.netloc}")
    elif bucket:
        region = options.get("region_name")
        origins.append(f"https://{bucket}.s3.amazonaws.com")
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    public_media = getattr(settings, "AWS_S3_PUBLIC_MEDIA_URL", "")
    if bucket and public_media:  # public renditions' domain (media_storage.py)
        parts = urlsplit(public_media)
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def _closed() -> dict:
    """Directives every policy shares: no plugins, no <base>, no framing by others."""
    return {"object-src": [NONE], "base-uri": [NONE], "frame-ancestors": [NONE]}


def portal_policy() -> dict:
    media = media_origins()
    return _closed() | {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, *standalone_style_hashes()],
        "img-src": [SELF, "data:", *media],
        "media-src": [SELF, *media],
        "frame-src": [YOUTUBE_EMBEDS],
        "form-action": [SELF],
    }


def admin_policy() -> dict:
    return portal_policy() | {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *media_origins()],
        # The editor's preview panel frames the admin's own preview pages.
        "frame-src": [SELF, YOUTUBE_EMBEDS],
        "frame-ancestors": [SELF],
    }


def admin_login_policy() -> dict:
    return admin_policy() | {"script-src": [SELF]}


def api_policy() -> dict:
    return _closed() | {"default-src": [NONE], "form-action": [NONE]}


def api_docs_policy() -> dict:
    return api_policy() | {
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
    }


def document_policy() -> dict:
    return _closed() | {
        "default-src": [SELF],
        "script-src": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],  # a browser's own viewer may need it
        "object-src": [SELF],
        "form-action": [NONE],
    }


# Longest prefix first: the first match wins.
AREAS = (
    ("/admin/login/", admin_login_policy),
    ("/admin/", admin_policy),
    ("/django-admin/", admin_policy),
    ("/api/v1/docs/", api_docs_policy),
    ("/api/", api_policy),
    ("/dokumen/", document_policy),
)


def policy_for(path: str) -> dict:
    for prefix, policy in AREAS:
        if path.startswith(prefix):
            return policy()
    return portal_policy()


def _area_config(path: str) -> dict:
    config = policy_for(path)
    report_uri = getattr(settings, "CSP_REPORT_URI", "")
    if report_uri:
        config["report-uri"] = [report_uri]
    return config


# What a view may set on its response to change its policy (django-csp's
# decorators); such a response is built by django-csp itself.
_VIEW_POLICY_ATTRIBUTES = tuple(
    f"_csp_{kind}{suffix}"
    for kind in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)
_built: dict[str, tuple[tuple[str, str], ...]] = {}


@receiver(setting_changed)
def _forget_built(**kwargs) -> None:
    _built.clear()


def area_headers(path: str) -> tuple[tuple[str, str], ...]:
    """The policy headers of ``path``'s area as django-csp builds them, built once
    per area (the policy depends on settings only; with no nonce and no view
    decorator, every response of an area gets the same header)."""
    prefix = next((p for p, _policy in AREAS if path.startswith(p)), "")
    found = _built.get(prefix)
    if found is None:
        headers = [(HEADER, build_policy(config=_area_config(path)))]
        headers.append((HEADER_REPORT_ONLY, build_policy(report_only=True)))
        found = _built[prefix] = tuple((n, v) for n, v in headers if v)
    return found


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy of the request's area, plus
    Permissions-Policy on every response."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = _area_config(request.path_info)
        return parts

    def process_response(self, request, response):
        if self._area_policy_alone(request, response):
            # Building the policy costs as much as a cache round trip: the area's
            # headers are built once (tests compare them with django-csp's own).
            for name, value in area_headers(request.path_info):
                response.setdefault(name, value)
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        else:
            response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    @staticmethod
    def _area_policy_alone(request, response) -> bool:
        """No nonce, no view decorator, no exclusion, not Django's debug page:
        the response gets exactly its area's policy."""
        return (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, a) for a in _VIEW_POLICY_ATTRIBUTES)
            and not (settings.DEBUG and response.status_code in (404, 500))
            and not _excluded_prefixes()
        )


def _excluded_prefixes() -> bool:
    return any(
        (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
    )
