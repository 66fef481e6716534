"""Operations that change a report. Each validates its transition (one table,
``transitions.py``), writes a timeline entry and emits a report event after commit.

Timeline text is stored in Indonesian, the language of the record.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from cms.core.workdays import add_working_days

from . import clock, events
from .closing import archive, close_overdue, confirm, reopen, resolve
from .intake import DuplicateReport, client_ip_hash, submit
from .models import Action, ActorRole, Disposition, Status
from .steps import (
    InvalidToken,
    active_dispositions,
    check_token,
    lock,
    log,
    require_handler,
    require_verifier,
    save,
    today,
)
from .storage import save_attachments
from .timeline import system
from .transitions import InvalidTransition, check

__all__ = [
    "DuplicateReport",
    "InvalidToken",
    "InvalidTransition",
    "archive",
    "client_ip_hash",
    "close_overdue",
    "confirm",
    "dispose",
    "mark_not_authority",
    "mark_spam",
    "merge",
    "reopen",
    "reporter_reply",
    "request_info",
    "resolve",
    "respond",
    "submit",
]

FIRST_RESPONSE_DAYS = 5


@transaction.atomic
def request_info(report, user, message):
    require_verifier(user)
    status = check("request_info", lock(report))
    save(report, status)
    log(report, Action.INFO_REQUESTED, message, user=user, role=ActorRole.VERIFIKATOR)
    events.emit("report.info_requested", report, message=message)


@transaction.atomic
def reporter_reply(report, token, message, uploads=()):
    check_token(report, token)
    status = check("reporter_reply", lock(report))
    if status == Status.PERLU_INFO:
        status = Status.BARU  # back to the verification queue
    save(report, status)
    entry = log(report, Action.REPORTER_REPLIED, message, role=ActorRole.PELAPOR)
    save_attachments(report, entry, uploads)


@transaction.atomic
def dispose(report, user, opds, note=""):
    """Hand the report to ``opds`` (also re-disposition): OPDs no longer listed
    lose it (deactivated, kept), OPDs still listed keep their deadline."""
    require_verifier(user)
    if not opds:
        raise ValidationError("Pilih sedikitnya satu OPD.")
    status = check("dispose", lock(report))
    wanted = {opd.pk: opd for opd in opds}
    active = list(active_dispositions(report))
    removed = [d for d in active if d.opd_id not in wanted]
    for disposition in removed:
        disposition.active = False
        disposition.save(update_fields=["active"])
    kept = {d.opd_id for d in active if d.opd_id in wanted}
    due = add_working_days(today(), FIRST_RESPONSE_DAYS)
    added = [opd for pk, opd in wanted.items() if pk not in kept]
    for opd in added:
        Disposition.objects.create(
            report=report,
            opd=opd,
            disposed_by=user,
            disposed_at=clock.now(),
            first_response_due=due,
            note=note,
        )
        log(
            report,
            Action.DISPOSED,
            system("disposed", opd=opd.title),
            user=user,
            role=ActorRole.VERIFIKATOR,
            opd=opd,
        )
    if note:
        log(
            report,
            Action.DISPOSED,
            note,
            user=user,
            role=ActorRole.VERIFIKATOR,
            public=False,
        )
    if report.status == Status.TINDAK_LANJUT and any(
        d.first_response_at for d in active if d.opd_id in kept
    ):
        status = Status.TINDAK_LANJUT
    save(report, status)
    events.emit(
        "report.verified",
        report,
        opd_ids=[opd.pk for opd in added],
        removed_opd_ids=[d.opd_id for d in removed],
        redisposed=bool(active),
    )


def _reject(
    report, user, transition, action, internal, public_message, updates=None, **data
):
    """Verification ends here (spam, not our authority, merged): an internal entry
    with the verifier's reason and a neutral public one."""
    require_verifier(user)
    status = check(transition, lock(report))
    for field, value in (updates or {}).items():
        setattr(report, field, value)
    save(report, status, *(updates or {}))
    log(report, action, internal, user=user, role=ActorRole.VERIFIKATOR, public=False)
    log(report, action, public_message, user=user, role=ActorRole.VERIFIKATOR)
    events.emit("report.rejected", report, **data)


@transaction.atomic
def mark_not_authority(report, user, referral):
    referral = (referral or "").strip()
    if not referral:
        raise ValidationError({"referral": "Sebutkan instansi yang berwenang."})
    _reject(
        report,
        user,
        "mark_not_authority",
        Action.NOT_AUTHORITY,
        referral,
        system("not_authority", referral=referral),
        updates={"referral": referral},
        reason="bukan_kewenangan",
    )


@transaction.atomic
def mark_spam(report, user, reason):
    _reject(
        report,
        user,
        "mark_spam",
        Action.SPAM,
        reason or "Spam",
        system("spam"),
        reason="spam",
    )


@transaction.atomic
def merge(report, into, user):
    if into.pk == report.pk or into.status in (Status.SPAM, Status.DIGABUNG):
        raise InvalidTransition("Laporan tidak dapat digabungkan ke laporan itu.")
    _reject(
        report,
        user,
        "merge",
        Action.MERGED,
        system("merged_into", code=into.tracking_code),
        system("merged"),
        updates={"duplicate_of": into},
        reason="digabung",
        into=into.tracking_code,
    )
    log(
        into,
        Action.MERGED,
        system("merged_here", code=report.tracking_code),
        user=user,
        role=ActorRole.VERIFIKATOR,
        public=False,
    )


@transaction.atomic
def respond(report, user, opd, message, public=True, uploads=()):
    """An OPD's answer: the first public one is recorded on its disposition."""
    require_handler(user, report, opd)
    status = check("respond", lock(report))
    disposition = active_dispositions(report).filter(opd=opd).first()
    if disposition is None:
        raise InvalidTransition("Laporan ini tidak didisposisikan ke OPD tersebut.")
    first = public and disposition.first_response_at is None
    if first:
        disposition.first_response_at = clock.now()
        disposition.save(update_fields=["first_response_at"])
    action = Action.RESPONDED if first else Action.PROGRESS
    entry = log(
        report, action, message, user=user, role=ActorRole.OPD, public=public, opd=opd
    )
    save_attachments(report, entry, uploads)
    save(report, status if public else report.status)
    if public:
        events.emit("report.responded", report, opd_id=opd.pk, first=first)
