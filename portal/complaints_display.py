"""What the public may read of a report (by its code): status, category, place,
the OPDs it went to, the next deadline and the public timeline. Never the
reporter's identity, contacts, exact address or any internal entry: the timeline
comes from ``selectors.public_timeline`` and nothing here reads identity fields.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from cms.complaints import selectors
from cms.complaints.regions import region_name
from cms.core.workdays import deadline_label


@dataclass
class TimelineRow:
    at: object
    action: str
    who: str
    message: str


@dataclass
class ReportSummary:
    code: str
    title: str
    kind: str
    category: str
    region: str
    status: str
    status_code: str
    submitted_at: object
    opds: list[str] = field(default_factory=list)
    deadline_what: str = ""
    deadline_due: object = None
    deadline_label: str = ""
    timeline: list[TimelineRow] = field(default_factory=list)


def _who(entry) -> str:
    if entry.actor_role == "opd" and entry.opd_id:
        return entry.opd.title
    return {
        "pelapor": _("Pelapor"),
        "verifikator": _("Tim verifikasi provinsi"),
        "opd": _("Perangkat daerah"),
        "sistem": _("Sistem"),
    }.get(entry.actor_role, entry.get_actor_role_display())


def _next_deadline(report, dispositions) -> tuple[str, object]:
    """The deadline the reporter waits for now, by status."""
    if report.status in ("baru", "perlu_info") and report.verify_due:
        return _("Verifikasi oleh tim provinsi"), report.verify_due
    if report.status == "disposisi":
        waiting = [
            d.first_response_due for d in dispositions if d.first_response_at is None
        ]
        if waiting:
            return _("Tanggapan pertama perangkat daerah"), min(waiting)
    if report.status == "selesai" and report.close_due:
        return _("Konfirmasi atau buka kembali oleh pelapor"), report.close_due
    return "", None


def report_summary(report) -> ReportSummary:
    dispositions = list(report.dispositions.filter(active=True).select_related("opd"))
    what, due = _next_deadline(report, dispositions)
    entries = selectors.public_timeline(report)
    return ReportSummary(
        code=report.tracking_code,
        title=report.title,
        kind=report.get_kind_display(),
        category=report.category.name,
        region=region_name(report.region),
        status=report.get_status_display(),
        status_code=report.status,
        submitted_at=report.submitted_at,
        opds=[d.opd.title for d in dispositions],
        deadline_what=what,
        deadline_due=due,
        deadline_label=deadline_label(due) if due else "",
        timeline=[
            TimelineRow(
                at=entry.at,
                action=entry.get_action_display(),
                who=_who(entry),
                message=entry.message,
            )
            for entry in entries
        ],
    )
