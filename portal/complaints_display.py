"""What the public may read of a report (by its code): status, category, place,
the OPDs it went to, the next deadline and the public timeline. Never the
reporter's identity, contacts, exact address or any internal entry: the timeline
comes from ``selectors.public_timeline``, the deadline from ``cms.complaints.public``
(as the API's) and nothing here reads identity fields.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from cms.complaints import selectors
from cms.complaints.public import active_dispositions, next_deadline
from cms.complaints.regions import region_name
from cms.complaints.timeline import entry_text
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


def report_summary(report) -> ReportSummary:
    deadline = next_deadline(report)
    what, due = deadline or ("", None)
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
        opds=[d.opd.title for d in active_dispositions(report)],
        deadline_what=what,
        deadline_due=due,
        deadline_label=deadline_label(due) if due else "",
        timeline=[
            TimelineRow(
                at=entry.at,
                action=entry.get_action_display(),
                who=_who(entry),
                message=entry_text(entry),
            )
            for entry in entries
        ],
    )
