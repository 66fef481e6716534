"""Service requests as GeoReport v2 shows them, and the GET requests query.

What is public here (docs/api/open311.md, "Privacy"): Open311 lists requests to
anyone, so only what may be shown to anyone is: the category, the kabupaten/kota,
status, dates, the OPDs handling it. Never the reporter's identity and never the
citizen's own text (it may name people): ``description`` (the report's title) and
``lat``/``long`` (rounded to about 100 m) only for reports whose reporter chose
``biasa`` once the verification team has accepted them (disposed or later;
``cms.complaints.public.public_details_visible``); otherwise empty. ``address`` is
the kabupaten/kota, not the street. Spam is never shown; attachments are private
(no ``media_url``).
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from cms.complaints.codes import normalise_code
from cms.complaints.public import (
    CLOSED_STATUSES,
    active_dispositions,
    current_deadline,
    find_public,
    public_details_visible,
    public_reports,
)
from cms.complaints.regions import region_name

DEFAULT_DAYS = 90
MAX_RESULTS = 1000
MAX_IDS = 100
PUBLIC_PLACES = Decimal("0.001")
OPEN, CLOSED = "open", "closed"


class BadQuery(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def open311_status(report) -> str:
    return CLOSED if report.status in CLOSED_STATUSES else OPEN


def _expected(report):
    due = current_deadline(report)
    if due is None:
        return None
    # The end of the due day in Jakarta (deadlines are dates).
    end = datetime.datetime.combine(due, datetime.time(23, 59, 59))
    return timezone.make_aware(end, timezone.get_default_timezone())


def _coordinate(value, shown: bool):
    if value is None or not shown:
        return None
    return float(value.quantize(PUBLIC_PLACES))


def request_data(report) -> dict:
    shown = public_details_visible(report)
    opds = [d.opd for d in active_dispositions(report)]

    def local(moment):
        return timezone.localtime(moment).replace(microsecond=0)

    return {
        "service_request_id": report.tracking_code,
        "status": open311_status(report),
        "status_notes": report.get_status_display(),
        "service_name": report.category.name,
        "service_code": report.category.slug,
        "description": report.title if shown else "",
        "agency_responsible": "; ".join(opd.title for opd in opds),
        "service_notice": "",
        "requested_datetime": local(report.submitted_at),
        "updated_datetime": local(report.updated_at),
        "expected_datetime": _expected(report),
        "address": region_name(report.region),
        "address_id": "",
        "zipcode": "",
        "lat": _coordinate(report.latitude, shown),
        "long": _coordinate(report.longitude, shown),
        "media_url": "",
    }


def find(request_id: str):
    return find_public(request_id)


def _csv(params, name) -> list[str]:
    # NUL never names anything, and PostgreSQL refuses it in a query.
    values = params.get(name, "").replace("\x00", "").split(",")
    return [v.strip() for v in values if v.strip()]


def _datetime(params, name):
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None:
        raise BadQuery(_("%(name)s harus tanggal-waktu ISO 8601.") % {"name": name})
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value, timezone.get_default_timezone())
        return value.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise BadQuery(_("%(name)s di luar jangkauan.") % {"name": name}) from None


def search(params) -> list:
    """GET requests: ``service_request_id`` (comma list; the other filters are then
    ignored), ``service_code`` (comma list), ``start_date``/``end_date`` (ISO 8601;
    by default the last 90 days), ``status`` (open, closed). Newest first, at most
    1000. Raises BadQuery."""
    reports = public_reports().order_by("-submitted_at", "-pk")
    ids = _csv(params, "service_request_id")
    if ids:
        if len(ids) > MAX_IDS:
            raise BadQuery(
                _("Paling banyak %(max)d service_request_id.") % {"max": MAX_IDS}
            )
        codes = [c for c in map(normalise_code, ids) if c]
        return list(reports.filter(tracking_code__in=codes)[:MAX_RESULTS])
    codes = _csv(params, "service_code")
    if codes:
        reports = reports.filter(category__slug__in=codes[:MAX_IDS])
    statuses = set(_csv(params, "status"))
    if statuses - {OPEN, CLOSED}:
        raise BadQuery(_("status harus open atau closed."))
    if statuses == {OPEN}:
        reports = reports.exclude(status__in=CLOSED_STATUSES)
    elif statuses == {CLOSED}:
        reports = reports.filter(status__in=CLOSED_STATUSES)
    start, end = _datetime(params, "start_date"), _datetime(params, "end_date")
    if start is None and end is None:
        start = timezone.now() - datetime.timedelta(days=DEFAULT_DAYS)
    if start is not None:
        reports = reports.filter(submitted_at__gte=start)
    if end is not None:
        reports = reports.filter(submitted_at__lte=end)
    return list(reports[:MAX_RESULTS])
