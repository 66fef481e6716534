"""What anyone holding a report's code may see of it, for the mobile API and Open311:
status, category, place, the OPDs handling it, the current deadline and the public
timeline. Never the reporter's identity, the report's own text, internal entries or
attachments (private files). Which reports and deadlines are public is decided by
``cms.complaints.public``."""

from cms.complaints.public import active_dispositions, current_deadline
from cms.complaints.regions import region_name
from cms.complaints.selectors import public_timeline
from cms.complaints.timeline import entry_text
from cms.core.workdays import deadline_label, remaining_working_days


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
        "opds": [_ref(d.opd.slug, d.opd.title) for d in active_dispositions(report)],
        "submitted_at": report.submitted_at,
        "updated_at": report.updated_at,
        "deadline": deadline_data(report),
        "timeline": [
            {
                "at": entry.at,
                "actor_role": entry.actor_role,
                "action": entry.action,
                "action_label": entry.get_action_display(),
                "message": entry_text(entry),
                "opd": entry.opd.title if entry.opd_id else None,
            }
            for entry in public_timeline(report)
        ],
    }
