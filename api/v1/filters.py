"""Query parameters of the list endpoints, parsed strictly: an unknown OPD, type or
series, or a malformed date, is a 400 naming the parameter (a silently ignored
filter would make a mirror copy the wrong content).

Comma-separated values mean OR: ``type=rilis,infografis``.
"""

from datetime import UTC, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from api.v1.public_lookups import public_opds
from cms.content.models import CONTENT_TYPES
from cms.content.selectors import content_tagged, series_by_slugs

# Public name -> model fields (the last one is the tiebreak that keeps cursors
# stable when dates are equal).
CONTENT_ORDERINGS = {
    "-published": ("-publish_date", "-id"),
    "published": ("publish_date", "id"),
    "-updated": ("-last_published_at", "-id"),
    "updated": ("last_published_at", "id"),
    "title": ("title", "id"),
}
DEFAULT_CONTENT_ORDERING = "-published"


def values_of(params, name: str) -> list[str]:
    """Comma-separated values of a parameter (also when repeated). A blank value
    (``type=``, ``opd=a,,b``) is a 400 like an empty date: the schema promises
    values, and a filter silently dropped would widen a mirror's copy."""
    raw = ",".join(params.getlist(name)) if hasattr(params, "getlist") else ""
    if "\x00" in raw:  # PostgreSQL refuses it in any string: a client error
        raise invalid(name, _("Karakter NUL tidak diizinkan."))
    if name not in params:
        return []
    values = [value.strip() for value in raw.split(",")]
    if not all(values):
        raise invalid(name, _("Nilai kosong tidak diizinkan."))
    return values


def invalid(name: str, message) -> ValidationError:
    return ValidationError({name: [message]})


def datetime_param(params, name: str) -> datetime | None:
    """ISO 8601 date or datetime; without a zone it is WIB (the site's zone).
    Sent empty (``updated_since=``) is a 400: a mirror that lost its timestamp
    must not silently fetch everything (the schema says date-time)."""
    if name not in params:
        return None
    raw = params.get(name, "").strip()
    if not raw:
        raise invalid(name, _("Tanggal kosong; gunakan ISO 8601 (2025-01-31T08:00)."))
    # "+" in an offset arrives as a space when the client did not encode it.
    candidate = raw.replace(" ", "+") if "T" in raw else raw
    try:
        value = parse_datetime(candidate)
        if value is None:
            day = parse_date(candidate)
            value = datetime.combine(day, time.min) if day else None
    except ValueError:
        value = None
    if value is None:
        raise invalid(
            name,
            _("Format tanggal tidak dikenal; gunakan ISO 8601 (2025-01-31T08:00)."),
        )
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # PostgreSQL accepts offsets up to ±15:59 only; RFC 3339 allows more. In
        # UTC the value is always storable, or clearly out of range.
        return value.astimezone(UTC)
    except (ValueError, OverflowError):
        raise invalid(name, _("Tanggal di luar jangkauan.")) from None


def opds_param(params, name: str = "opd"):
    """The OPD pages named by slug, or None when the parameter is absent."""
    slugs = values_of(params, name)
    if not slugs:
        return None
    found = public_opds(slugs)
    unknown = sorted(set(slugs) - {opd.slug for opd in found})
    if unknown:
        raise invalid(name, _("OPD tidak dikenal: %s.") % ", ".join(unknown))
    return found


def filter_content(queryset, params):
    """Apply every content filter of ``params`` to a queryset of content items."""
    opds = opds_param(params)
    if opds is not None:
        queryset = queryset.filter(opd__in=opds)

    codes = values_of(params, "type")
    if codes:
        unknown = sorted(set(codes) - set(CONTENT_TYPES))
        if unknown:
            raise invalid("type", _("Jenis tidak dikenal: %s.") % ", ".join(unknown))
        models = [CONTENT_TYPES[code] for code in codes]
        content_types = ContentType.objects.get_for_models(*models).values()
        queryset = queryset.filter(content_type__in=list(content_types))

    series_slugs = values_of(params, "series")
    if series_slugs:
        series = list(series_by_slugs(series_slugs))
        unknown = sorted(set(series_slugs) - {s.slug for s in series})
        if unknown:
            raise invalid("series", _("Seri tidak dikenal: %s.") % ", ".join(unknown))
        queryset = queryset.filter(series__in=series)

    tags = values_of(params, "tag")
    if tags:
        queryset = queryset.filter(pk__in=content_tagged(tags))

    bounds = {
        "published_after": "publish_date__gte",
        "published_before": "publish_date__lt",
        "updated_since": "last_published_at__gte",
    }
    for name, lookup in bounds.items():
        value = datetime_param(params, name)
        if value is not None:
            queryset = queryset.filter(**{lookup: value})
    return queryset


def content_ordering(params) -> tuple[str, ...]:
    # Sent empty is refused like any unknown ordering (the schema lists them).
    name = params.get("ordering", DEFAULT_CONTENT_ORDERING).strip()
    if name not in CONTENT_ORDERINGS:
        raise invalid(
            "ordering",
            _("Urutan tidak dikenal; pilih salah satu: %s.")
            % ", ".join(CONTENT_ORDERINGS),
        )
    return CONTENT_ORDERINGS[name]


def fields_param(params, allowed) -> list[str] | None:
    names = values_of(params, "fields")
    if not names:
        return None
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise invalid("fields", _("Kolom tidak dikenal: %s.") % ", ".join(unknown))
    return names
