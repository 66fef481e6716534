"""List items of /content/ built without DRF's field machinery.

The list endpoint is read far more than anything else and serializes up to 100
items per request: walking ``ContentListItemSerializer``'s fields costs more than the
queries. ``list_items`` builds the same dicts (same keys, order and values; the
serializer stays the documented schema, and tests/api/resources/test_content_fast.py
compares the two item by item) with plain Python.
"""

from django.urls import reverse
from django.utils import timezone

from api.v1.public_lookups import public_series_ids
from cms.core.public_urls import page_public_url

from .content import ContentListItemSerializer, type_code_of
from .images import image_data

FIELDS = tuple(ContentListItemSerializer().fields)


def detail_url_prefix(request) -> str:
    """``https://host/api/v1/content/`` once per request, not one reverse per item."""
    path = reverse("v1:content-detail", kwargs={"pk": 1})
    url = request.build_absolute_uri(path) if request is not None else path
    return url.removesuffix("1/")


def _datetime(value, zone):
    """As DRF's ``DateTimeField`` (stored values are aware): in the current zone,
    ISO 8601, ``Z`` for UTC."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def list_items(pages, request, only=None) -> list[dict]:
    """The items of one list page (``only``: the ``?fields=`` subset)."""
    wanted = set(only or FIELDS)
    context = {"request": request}
    prefix = detail_url_prefix(request) if "api_url" in wanted else ""
    public_series = None
    zone = timezone.get_current_timezone()
    items = []
    for page in pages:
        item = {}
        for name in FIELDS:
            if name not in wanted:
                continue
            if name == "id":
                item[name] = page.pk
            elif name == "type":
                item[name] = type_code_of(page)
            elif name == "title":
                item[name] = page.title
            elif name == "slug":
                item[name] = page.slug
            elif name == "url":
                item[name] = page_public_url(page, request)
            elif name == "api_url":
                item[name] = f"{prefix}{page.pk}/"
            elif name == "opd":
                opd = page.opd
                item[name] = {"slug": opd.slug, "name": opd.title} if opd else None
            elif name == "published":
                item[name] = _datetime(page.publish_date, zone)
            elif name == "updated":
                item[name] = _datetime(page.last_published_at, zone)
            elif name == "summary":
                item[name] = page.summary
            elif name == "tags":
                tags = sorted((ti.tag for ti in page.tagged_items.all()), key=_name)
                item[name] = [{"slug": tag.slug, "name": tag.name} for tag in tags]
            elif name == "hero_image":
                alt = page.hero_alt or None
                item[name] = image_data(page.hero_image, context, alt=alt)
            elif name == "series":
                if page.series_id and public_series is None:
                    public_series = _public_series(request)
                item[name] = _series(page, public_series)
        items.append(item)
    return items


def _name(tag):
    return tag.name


def _public_series(request) -> frozenset:
    """Shared with ``SeriesRefField``: read once per request."""
    holder = request.__dict__ if request is not None else {}
    if "_api_public_series" not in holder:
        holder["_api_public_series"] = public_series_ids()
    return holder["_api_public_series"]


def _series(page, public_series):
    if not page.series_id or page.series_id not in public_series:
        return None
    series = page.series
    return {"slug": series.slug, "title": series.title, "order": page.series_order}
