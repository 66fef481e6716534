"""What an OPD site receives: ids and URLs, never a body.

The site fetches the item itself through the public API (``api_url``), which applies
the visibility rules; a payload therefore cannot leak a draft, a private page or an
exempted DIP document. An item that is no longer public carries only its id and type.
"""

import uuid

from django.utils import timezone
from wagtail.models import Page

from cms.core.public_urls import page_public_url
from cms.opd.models import OPDPage


def api_url(page: Page, owner: OPDPage | None) -> str:
    """Where the site reads the object: a content item by id, a series by slug, a
    DIP entry in its OPD's DIP list (entries have no detail resource)."""
    type_code = getattr(page.specific_class, "type_code", "")
    if type_code == "seri":
        return f"/api/v1/series/{page.slug}/"
    if type_code == "dip" and owner is not None:
        return f"/api/v1/opd/{owner.slug}/dip/"
    return f"/api/v1/content/{page.pk}/"


def object_ref(page: Page, owner: OPDPage | None, *, public: bool) -> dict:
    model = page.specific_class
    ref = {
        "id": page.pk,
        "type": getattr(model, "type_code", "") or None,
        "opd": owner.slug if owner else None,
        "slug": None,
        "title": None,
        "url": None,
        "api_url": api_url(page, owner),
    }
    if public:
        ref.update(slug=page.slug, title=page.title, url=page_public_url(page))
    return ref


def envelope(
    *, delivery_id: uuid.UUID, event: str, occurred_at, opd_slug: str, ref: dict
) -> dict:
    return {
        "id": str(delivery_id),
        "event": event,
        "occurred_at": timezone.localtime(occurred_at).isoformat(),
        "opd": opd_slug,
        "object": ref,
    }
