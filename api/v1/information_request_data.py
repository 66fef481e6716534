"""The data of the information-request endpoints, as plain dicts for their
serializers: the requester's own view (by token) and the public register's rows.
Reads only; what is public is ``cms.ppid.selectors.public_register``'s choice and
the requester's view never holds identity or contacts."""

from cms.core.workdays import deadline_label, remaining_working_days
from cms.ppid import clock, selectors, services
from cms.ppid.models import Decision, Status
from cms.ppid.timeline import entry_text


def ref(code, name) -> dict:
    return {"code": str(code), "name": str(name)}


def deadline_data(due) -> dict | None:
    if due is None:
        return None
    today = clock.today()
    return {
        "due": due,
        "label": deadline_label(due, today),
        "overdue": remaining_working_days(due, today) < 0,
    }


def addressed_to(req) -> str:
    return req.addressed_opd.title if req.addressed_opd_id else "PPID Utama"


def objection_window(req) -> dict:
    """Whether an objection may be filed now (``objection_file`` decides again)."""
    until = services.objection_open_until(req)
    grounds = services.allowed_grounds(req)
    return {"open": until is not None, "until": until, "grounds": grounds}


def _decision(req) -> dict | None:
    if not req.decision:
        return None
    return {
        **ref(req.decision, req.get_decision_display()),
        "decided_on": req.decided_on,
        "text": req.decision_text,
        "redaction_note": req.redaction_note,
        "exemption_article": req.exemption_article,
        "exemption_entry": req.exemption_entry.title
        if req.exemption_entry_id
        else None,
        "consequence_test": req.consequence_test,
        "referral": req.referral,
    }


def _objection(objection) -> dict:
    outcome = objection.outcome
    return {
        "filed_on": objection.filed_on,
        "grounds": list(objection.grounds),
        "reason": objection.reason,
        "due_on": objection.due_on,
        "answered_on": objection.answered_on,
        "outcome": ref(outcome, objection.get_outcome_display()) if outcome else None,
        "answer_text": objection.answer_text,
    }


def mine_data(req, absolute) -> dict:
    """``absolute``: builds an absolute URL from a path (the request's host)."""
    return {
        "register_number": req.register_number,
        "status": ref(req.status, req.get_status_display()),
        "filed_on": req.filed_on,
        "addressed_to": addressed_to(req),
        "handled_by": req.assigned_opd.title if req.assigned_opd_id else None,
        "information_requested": req.information_requested,
        "purpose": req.purpose,
        "obtain_method": ref(req.obtain_method, req.get_obtain_method_display()),
        "delivery_method": ref(req.delivery_method, req.get_delivery_method_display()),
        "deadline": deadline_data(selectors.deadline(req)),
        "extension_reason": req.extension_reason if req.extended_at else "",
        "decision": _decision(req),
        "documents": [
            {
                "name": doc.name,
                "content_type": doc.content_type,
                "size": doc.size,
                "url": absolute(services.document_link(doc)),
            }
            for doc in req.documents.all()
        ],
        "objections": [_objection(o) for o in req.objections.all()],
        "objection_window": objection_window(req),
        "timeline": [
            {
                "at": entry.at,
                "actor_role": entry.actor_role,
                "action": entry.action,
                "action_label": entry.get_action_display(),
                "message": entry_text(entry),
            }
            for entry in req.timeline.filter(public=True)
        ],
    }


def register_row(row) -> dict:
    """A ``selectors.public_register`` row for the API (codes with labels)."""
    decision = row["decision"]
    return {
        "register_number": row["register_number"],
        "filed_on": row["filed_on"],
        "information_requested": row["information_requested"],
        "opd": row["opd_name"] or row["addressed_opd_name"],
        "status": ref(row["status"], Status(row["status"]).label),
        "decision": ref(decision, Decision(decision).label) if decision else None,
        "decided_on": row["decided_on"],
    }
