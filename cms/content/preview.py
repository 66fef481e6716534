"""Previewing a draft on the OPD's own website (headless preview).

The editor's "Situs OPD" preview mode sends the browser to the OPD site's preview
page with a short-lived signed token naming one page and one revision; that site
then fetches the draft from ``GET /api/v1/preview/`` with its API key (see
``api.preview``). The token only says *which* draft; the key says *who* may read it.

Wagtail's preview renders the unsaved form, but the OPD site can only fetch what
is stored, so the token names the page's latest *saved* revision.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core import signing
from django.template.response import TemplateResponse
from wagtail.models import Page, Revision

# A dedicated salt: no other signed value of the site can pass for a preview token.
TOKEN_SALT = "sipanganten.content.preview"  # noqa: S105 (a salt, not a secret)
DEFAULT_LIFETIME = 600
OPD_SITE_MODE = "situs-opd"


class PreviewTokenInvalid(Exception):
    """Tampered, truncated, or signed with another key or salt."""


class PreviewTokenExpired(PreviewTokenInvalid):
    pass


@dataclass(frozen=True)
class PreviewGrant:
    page_id: int
    revision_id: int
    expires_at: datetime


def token_lifetime() -> int:
    return int(getattr(settings, "API_PREVIEW_TOKEN_SECONDS", DEFAULT_LIFETIME))


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=TOKEN_SALT)


def preview_token_mint(revision: Revision) -> str:
    return _signer().sign_object({"p": int(revision.object_id), "r": revision.pk})


def preview_token_read(token: str) -> PreviewGrant:
    """The grant a valid, unexpired token carries; raises ``PreviewTokenInvalid``
    (or its subclass ``PreviewTokenExpired``) otherwise."""
    signer, lifetime = _signer(), token_lifetime()
    try:
        payload = signer.unsign_object(token, max_age=lifetime)
        # Django's token layout is value:timestamp:signature, the middle in base62.
        issued = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
        page_id, revision_id = int(payload["p"]), int(payload["r"])
    except signing.SignatureExpired as error:
        raise PreviewTokenExpired(str(error)) from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise PreviewTokenInvalid(str(error)) from error
    expires_at = datetime.fromtimestamp(issued + lifetime, tz=UTC)
    return PreviewGrant(page_id, revision_id, expires_at)


def opd_site_preview_url(preview_url: str, *, token: str, page_id: int) -> str:
    """``preview_url`` with ``token`` and ``id`` added to any query it already has."""
    parts = urlsplit(preview_url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k not in ("token", "id")
    ]
    query += [("token", token), ("id", str(page_id))]
    return urlunsplit(parts._replace(query=urlencode(query)))


def serve_opd_site_preview(page, request) -> TemplateResponse:
    """The "Situs OPD" preview: forward to the OPD site's preview page, or say why
    that is not possible (no saved draft yet, or no preview address)."""
    saved = (
        Page.objects.filter(pk=page.pk).select_related("latest_revision").first()
        if page.pk
        else None
    )
    revision = saved.latest_revision if saved else None
    opd = page.opd if page.opd_id else None
    target = ""
    if revision is not None and opd is not None and opd.preview_url:
        target = opd_site_preview_url(
            opd.preview_url, token=preview_token_mint(revision), page_id=page.pk
        )
    context = {
        "page": page,
        "opd": opd,
        "saved": revision is not None,
        "target": target,
        # Inside the editor's side panel a cross-site redirect would reload the OPD
        # site on every keystroke (and many sites refuse to be framed): link only.
        "redirect": bool(target) and not getattr(request, "in_preview_panel", False),
        "lifetime_minutes": max(1, token_lifetime() // 60),
    }
    response = TemplateResponse(request, "content/opd_site_preview.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
