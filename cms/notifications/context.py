"""What an email may say. Reporter emails go to the reporter only; OPD emails
(liaisons, the OPD head) are built from ``opd_context``, which holds no field
of the reporter's identity or contacts whatever the report's privacy."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from cms.complaints.models import TimelineEntry


def site_url(path: str) -> str:
    base = getattr(settings, "PORTAL_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def admin_url() -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        return base + reverse("wagtailadmin_home")
    except NoReverseMatch:  # pragma: no cover - the admin is always mounted
        return base + "/admin/"


def last_public_entry(report, actions=None) -> TimelineEntry | None:
    entries = TimelineEntry.objects.filter(report=report, public=True)
    if actions:
        entries = entries.filter(action__in=actions)
    return entries.select_related("opd").order_by("-at", "-pk").first()


def _report_facts(report) -> dict:
    return {
        "code": report.tracking_code,
        "title": report.title,
        "kind": report.get_kind_display(),
        "category": report.category.name,
        "region": report.get_region_display(),
        "status": report.get_status_display(),
    }


def reporter_context(report, **extra) -> dict:
    return {
        **_report_facts(report),
        "name": report.reporter_name,
        "track_url": site_url(f"/lapor/lacak/?kode={report.tracking_code}"),
        **extra,
    }


def opd_context(report, opd, **extra) -> dict:
    """No name, email, phone, address or coordinates: only what an OPD's screen
    shows for every report, safe for rahasia and anonim reports alike."""
    return {
        **_report_facts(report),
        "opd": opd.title if opd is not None else "",
        "admin_url": admin_url(),
        **extra,
    }
