"""Shared steps of the report services: locking, timeline entries, who may act."""

from django.core.exceptions import PermissionDenied

from cms.core.row_lock import lock_row
from cms.core.secret_links import token_matches

from . import clock
from .access import is_verifier, liaison_opd_slugs
from .deadlines import set_due_on
from .models import Report, TimelineEntry
from .timeline import stored_text


class InvalidToken(PermissionDenied):
    """The reporter's secret link does not belong to this report."""


def today():
    return clock.today()


def log(report, action, message="", *, user=None, role, public=True, opd=None):
    """A timeline entry; ``message`` is typed text or a ``timeline.system(...)``."""
    message, facts = stored_text(message)
    return TimelineEntry.objects.create(
        report=report,
        at=clock.now(),
        actor=user,
        actor_role=role,
        action=action,
        message=message,
        public=public,
        opd=opd,
        facts=facts,
    )


def lock(report) -> Report:
    """The row locked for this transaction, copied onto the caller's instance so
    concurrent actions see each other's status."""
    return lock_row(report)


def save(report, status, *fields):
    """Every transition ends here, after its disposition changes: the status and
    the next deadline (``due_on``) are stored together."""
    report.status = status
    set_due_on(report)
    report.save(update_fields=["status", "updated_at", "due_on", *fields])


def require_verifier(user):
    if not is_verifier(user):
        raise PermissionDenied("Hanya tim verifikasi aduan provinsi.")


def check_token(report, token):
    if not token_matches(token, report.reply_token_hash):
        raise InvalidToken("Tautan pelapor tidak sah.")


def active_dispositions(report):
    return report.dispositions.filter(active=True).select_related("opd")


def handler_opd(user, report):
    """The OPD a liaison acts for on this report (the first of theirs it is
    actively disposed to), or None for the verification team."""
    if is_verifier(user):
        return None
    mine = active_dispositions(report).filter(opd__slug__in=liaison_opd_slugs(user))
    first = mine.select_related("opd").order_by("pk").first()
    return first.opd if first else None


def require_handler(user, report, opd=None):
    """A verifier, or a liaison of ``opd`` (any active OPD when None) while the
    report is disposed to it."""
    if is_verifier(user):
        return
    handled = active_dispositions(report).filter(opd__slug__in=liaison_opd_slugs(user))
    if opd is not None:
        handled = handled.filter(opd=opd)
    if not handled.exists():
        raise PermissionDenied("Laporan ini tidak didisposisikan ke OPD Anda.")
