"""What anyone holding a report's code may see of it, for the mobile API and Open311:
status, category, place, the OPDs handling it, the current deadline and the public
timeline. Never the reporter's identity, the report's own text, internal entries or
attachments (private files)."""

from datetime import date

from django.db.models import Prefetch

from cms.complaints.models import Disposition, Report, Status
from cms.complaints.regions import region_name
from cms.complaints.selectors import public_timeline
from cms.core.workdays import deadline_label, remaining_working_days

# Statuses where nobody is working on the report any more.
CLOSED_STATUSES = frozenset(
    {Status.SELESAI, Status.ARSIP, Status.BUKAN_KEWENANGAN, Status.DIGABUNG}
)
# Kept (never deleted) but shown to no one outside the verification team.
HIDDEN_STATUSES = frozenset({Status.SPAM})


def public_reports():
    """Reports the public interfaces may show, with what they read prefetched."""
    active = Disposition.objects.filter(active=True).select_related("opd")
    return (
        Report.objects.exclude(status__in=HIDDEN_STATUSES)
        .select_related("category")
        .prefetch_related(
            Prefetch("dispositions", queryset=active, to_attr="active_dispositions")
        )
    )


def active_opds(report) -> list:
    dispositions = getattr(report, "active_dispositions", None)
    if dispositions is None:
        dispositions = report.dispositions.filter(active=True).select_related("opd")
    return [d.opd for d in dispositions]


def current_deadline(report) -> date | None:
    """The date the next step is due: verification, the OPDs' first response, or
    (resolved) the end of the reporter's time to answer. None when nothing is due."""
    if report.status in (Status.BARU, Status.PERLU_INFO):
        return report.verify_due
    if report.status in (Status.DISPOSISI, Status.TINDAK_LANJUT):
        dispositions = getattr(report, "active_dispositions", None)
        if dispositions is None:
            dispositions = report.dispositions.filter(active=True)
        pending = [
            d.first_response_due for d in dispositions if d.first_response_at is None
        ]
        return min(pending, default=None)
    if report.status == Status.SELESAI:
        return report.close_due
    return None


def deadline_data(report) -> dict | None:
    due = current_deadline(report)
    if due is None:
        return None
    return {
        "due": due,
        "label": deadline_label(due),
        "overdue": remaining_working_days(due) < 0,
    }


def _ref(code, name) -> dict:
    return {"code": str(code), "name": str(name)}


def public_data(report) -> dict:
    return {
        "code": report.tracking_code,
        "kind": _ref(report.kind, report.get_kind_display()),
        "status": _ref(report.status, report.get_status_display()),
        "category": _ref(report.category.slug, report.category.name),
        "region": _ref(report.region, region_name(report.region)),
        "opds": [_ref(opd.slug, opd.title) for opd in active_opds(report)],
        "submitted_at": report.submitted_at,
        "updated_at": report.updated_at,
        "deadline": deadline_data(report),
        "timeline": [
            {
                "at": entry.at,
                "actor_role": entry.actor_role,
                "action": entry.action,
                "action_label": entry.get_action_display(),
                "message": entry.message,
                "opd": entry.opd.title if entry.opd_id else None,
            }
            for entry in public_timeline(report)
        ],
    }
