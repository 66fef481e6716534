"""Closing a report: resolved by the OPD, confirmed or reopened by the reporter,
closed automatically after 10 working days, archived by the verification team."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cms.core.workdays import add_working_days

from . import clock, events
from .access import is_verifier
from .models import Action, ActorRole, Report, Status
from .steps import (
    check_token,
    handler_opd,
    lock,
    log,
    require_handler,
    require_verifier,
    save,
)
from .timeline import system
from .transitions import InvalidTransition, check

CLOSE_DAYS = 10


@transaction.atomic
def resolve(report, user, message):
    require_handler(user, report)
    status = check("resolve", lock(report))
    report.resolved_at = clock.now()
    report.close_due = add_working_days(
        timezone.localdate(report.resolved_at), CLOSE_DAYS
    )
    report.reopen_due = None if report.reopened else report.close_due
    save(report, status, "resolved_at", "close_due", "reopen_due")
    role = ActorRole.VERIFIKATOR if is_verifier(user) else ActorRole.OPD
    # Named like the OPD's responses on the timeline ("Dinas Kesehatan"), not
    # as an anonymous "perangkat daerah".
    opd = handler_opd(user, report)
    log(report, Action.RESOLVED, message, user=user, role=role, opd=opd)
    events.emit("report.resolved", report)


@transaction.atomic
def confirm(report, token):
    """The reporter agrees it is done: no reopening afterwards."""
    check_token(report, token)
    status = check("confirm", lock(report))
    report.confirmed_at = clock.now()
    report.reopen_due = None
    save(report, status, "confirmed_at", "reopen_due")
    log(
        report,
        Action.CONFIRMED,
        system("confirmed"),
        role=ActorRole.PELAPOR,
    )
    events.emit("report.closed", report, how="confirmed")


@transaction.atomic
def reopen(report, token, reason):
    check_token(report, token)
    status = check("reopen", lock(report))
    window = report.reopen_due
    if report.reopened or window is None or clock.today() > window:
        raise InvalidTransition(
            "Laporan hanya dapat dibuka kembali sekali, dalam 10 hari kerja "
            "setelah selesai."
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": "Sebutkan alasan membuka kembali."})
    report.reopened = True
    report.reopen_due = report.close_due = None
    save(report, status, "reopened", "reopen_due", "close_due")
    log(report, Action.REOPENED, reason, role=ActorRole.PELAPOR)
    events.emit("report.reopened", report, reason=reason)


def close_overdue(today=None) -> int:
    """Archive reports left ``selesai`` past their close date (Celery beat)."""
    today = today or clock.today()
    closed = 0
    due = Report.objects.filter(status=Status.SELESAI, close_due__lt=today)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            report = Report.objects.select_for_update().get(pk=pk)
            if report.status != Status.SELESAI or report.close_due >= today:
                continue
            save(report, check("close_auto", report))
            log(
                report,
                Action.CLOSED_AUTO,
                system("closed_auto"),
                role=ActorRole.SISTEM,
            )
            events.emit("report.closed", report, how="auto")
            closed += 1
    return closed


@transaction.atomic
def archive(report, user):
    require_verifier(user)
    status = check("archive", lock(report))
    save(report, status)
    log(
        report,
        Action.ARCHIVED,
        system("archived"),
        user=user,
        role=ActorRole.VERIFIKATOR,
    )
    events.emit("report.closed", report, how="archived")
