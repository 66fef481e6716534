"""Shared steps of the PPID services: deadlines, numbering, locking, timeline
entries, tokens and who may act."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from cms.core.row_lock import lock_row
from cms.core.secret_links import token_matches
from cms.core.workdays import add_working_days
from cms.live.publish import CommitBatch, cases_changed

from . import clock
from .access import is_atasan, is_ppid_utama, pelaksana_opd_ids, watcher_groups
from .models import InformationRequest, RegisterCounter, RequestEntry
from .timeline import stored_text

DEFAULT_DAYS = {
    "DECISION": 10,
    "EXTENSION": 7,
    "OBJECTION": 30,
    "OBJECTION_ANSWER": 30,
    "DISPUTE": 14,
    "REMINDER": 2,
}


def days(name: str) -> int:
    """``PPID_<name>_DAYS`` (working days), the law's number by default."""
    return int(getattr(settings, f"PPID_{name}_DAYS", DEFAULT_DAYS[name]))


def received_on(filed_on: date) -> date:
    """A request filed on a weekend or holiday is received on the next working
    day; the statutory days count from the day after it."""
    return add_working_days(filed_on, 0)


def decision_due(filed_on: date) -> date:
    return add_working_days(received_on(filed_on), days("DECISION"))


def today() -> date:
    return clock.today()


def next_register_number(year: int) -> str:
    """``PPID/<year>/<000123>``: gap-free per year. The counter row is locked
    until the caller's transaction ends, so a rolled-back request gives its
    number back and two concurrent requests never share one."""
    RegisterCounter.objects.get_or_create(year=year)
    counter = RegisterCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"PPID/{year}/{counter.last:06d}"


def token_check(request, token) -> bool:
    """Whether ``token`` is the requester's secret (constant-time compare)."""
    return token_matches(token, request.access_token_hash)


def log(request, action, message="", *, user=None, role, public=True):
    """A timeline entry; ``message`` is typed text or a ``timeline.system(...)``."""
    message, facts = stored_text(message)
    _moved.add("requests", [request.pk])  # open queues refresh (cms/live)
    return RequestEntry.objects.create(
        request=request,
        at=clock.now(),
        actor=user,
        actor_role=role,
        action=action,
        message=message,
        public=public,
        facts=facts,
    )


def _refresh_queues(batch: dict) -> None:
    """After the commit: one lookup and one live event for every request the
    transaction logged a step on."""
    opds = InformationRequest.objects.filter(pk__in=batch["requests"]).values_list(
        "addressed_opd__slug", "assigned_opd__slug"
    )
    cases_changed(watcher_groups(slug for pair in opds for slug in pair))


_moved = CommitBatch(_refresh_queues)


def lock(request) -> InformationRequest:
    """The row locked for this transaction, copied onto the caller's instance so
    concurrent actions see each other's changes."""
    return lock_row(request)


def current_opd_id(request):
    """The OPD answering: the assigned one, else the one it was addressed to."""
    return request.assigned_opd_id or request.addressed_opd_id


def may_handle(user, request) -> bool:
    if is_ppid_utama(user):
        return True
    opd_id = current_opd_id(request)
    return opd_id is not None and opd_id in pelaksana_opd_ids(user)


def require_utama(user) -> None:
    if not is_ppid_utama(user):
        raise PermissionDenied(_("Hanya PPID Utama Provinsi."))


def require_handler(user, request) -> None:
    if not may_handle(user, request):
        raise PermissionDenied(_("Permohonan ini bukan wewenang PPID Anda."))


def require_atasan(user) -> None:
    if not is_atasan(user):
        raise PermissionDenied(_("Hanya Atasan PPID."))


def required_text(field: str, value, message: str) -> str:
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError({field: message})
    return text
