"""What the PPID pages show of a request: for the requester (by the secret link)
the status, the deadline as a date and "sisa N hari kerja", the decision, the
answer documents (by signed link) and the public timeline; for the public
register only ``selectors.public_register``'s columns. Nothing here decides: the
services do, this only reads and labels.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from cms.core.workdays import deadline_label
from cms.ppid import clock, selectors, services
from cms.ppid.models import Decision, Status
from cms.ppid.timeline import entry_text

WHO = {
    "pemohon": _("Pemohon"),
    "ppid_utama": _("PPID Utama"),
    "ppid_pelaksana": _("PPID Pelaksana"),
    "atasan": _("Atasan PPID"),
    "sistem": _("Sistem"),
}


@dataclass
class Deadline:
    what: str
    due: date
    label: str


@dataclass
class RequestView:
    request: object
    addressed: str
    handled_by: str
    deadline: Deadline | None
    documents: list = field(default_factory=list)
    timeline: list = field(default_factory=list)
    objections: list = field(default_factory=list)
    objection_until: date | None = None
    objection_label: str = ""
    allowed_grounds: list = field(default_factory=list)


def addressed_name(req) -> str:
    return req.addressed_opd.title if req.addressed_opd_id else str(_("PPID Utama"))


def _deadline(req) -> Deadline | None:
    due = selectors.deadline(req)
    if due is None:
        return None
    pending = services.open_objection(req) is not None
    what = _("Tanggapan atas keberatan") if pending else _("Batas jawaban PPID")
    return Deadline(what=str(what), due=due, label=deadline_label(due, clock.today()))


def objection_until(req) -> date | None:
    return services.objection_open_until(req)


def allowed_grounds(req) -> list[str]:
    return services.allowed_grounds(req)


def document_rows(req) -> list[dict]:
    return [
        {
            "name": doc.name,
            "size": doc.size,
            "content_type": doc.content_type,
            "url": services.document_link(doc),
        }
        for doc in req.documents.all()
    ]


def timeline_rows(req) -> list[dict]:
    return [
        {
            "at": entry.at,
            "who": str(WHO.get(entry.actor_role, entry.get_actor_role_display())),
            "action": entry.get_action_display(),
            "message": entry_text(entry),
        }
        for entry in req.timeline.filter(public=True)
    ]


def request_view(req) -> RequestView:
    until = objection_until(req)
    return RequestView(
        request=req,
        addressed=addressed_name(req),
        handled_by=req.assigned_opd.title if req.assigned_opd_id else "",
        deadline=_deadline(req),
        documents=document_rows(req),
        timeline=timeline_rows(req),
        objections=list(req.objections.all()),
        objection_until=until,
        objection_label=deadline_label(until, clock.today()) if until else "",
        allowed_grounds=allowed_grounds(req),
    )


def register_rows(rows) -> list[dict]:
    """``selectors.public_register`` rows with their labels (nothing else)."""
    return [
        {
            **row,
            "opd": row["opd_name"] or row["addressed_opd_name"],
            "status_label": Status(row["status"]).label,
            "decision_label": Decision(row["decision"]).label
            if row["decision"]
            else "",
        }
        for row in rows
    ]
