"""Objections (keberatan, UU 14/2008 art. 35-36) to the PPID's superior, and
the dispute at the Komisi Informasi that may follow (art. 37)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.core.workdays import add_working_days

from . import clock, notify
from .access import is_atasan, is_ppid_utama
from .grounds import OBJECTION_GROUNDS, REFUSAL_GROUND, grounds_display
from .models import (
    Action,
    ActorRole,
    Decision,
    Dispute,
    DisputeOutcome,
    Objection,
    ObjectionOutcome,
    Status,
)
from .steps import days, lock, log, require_atasan, required_text, token_check
from .timeline import system

REASON_MAX = 3000


class InvalidToken(PermissionDenied):
    """The requester's secret link does not belong to this request."""


def objection_window(request, today=None):
    """The last day an objection may be filed, or None when nothing can be
    objected to yet: 30 working days after the decision, or, when the deadline
    passed without one, after the missed deadline."""
    today = today or clock.today()
    if request.decided_on is not None:
        return request.objection_due
    if today > request.due_on:
        return add_working_days(request.due_on, days("OBJECTION"))
    return None


def open_objection(request) -> Objection | None:
    return request.objections.filter(answered_at__isnull=True).first()


def objection_open_until(request, today=None):
    """The last day an objection may be filed now, or None when the requester
    cannot file one today (nothing to object to yet, window passed, or one still
    pending): what the portal and the API show; ``objection_file`` checks again."""
    today = today or clock.today()
    until = objection_window(request, today)
    if until is None or today > until or open_objection(request) is not None:
        return None
    return until


def allowed_grounds(request) -> list[str]:
    """The art. 35(1) grounds this request may cite: "a" (a refusal on an
    exemption) only answers a ditolak decision."""
    refused = request.decision == Decision.DITOLAK
    return [g for g in OBJECTION_GROUNDS if g != REFUSAL_GROUND or refused]


def _grounds(grounds, request) -> list[str]:
    letters = sorted({str(g).strip().lower() for g in grounds or []})
    if not letters:
        raise ValidationError({"grounds": _("Pilih sedikitnya satu alasan keberatan.")})
    unknown = [letter for letter in letters if letter not in OBJECTION_GROUNDS]
    if unknown:
        raise ValidationError({"grounds": _("Alasan keberatan tidak dikenal.")})
    if REFUSAL_GROUND in letters and request.decision != Decision.DITOLAK:
        raise ValidationError(
            {
                "grounds": _(
                    "Alasan huruf a hanya untuk permohonan yang ditolak "
                    "berdasarkan pengecualian."
                )
            }
        )
    return letters


@transaction.atomic
def objection_file(*, request, token, grounds, reason) -> Objection:
    if not token_check(request, token):
        raise InvalidToken(_("Tautan pemohon tidak sah."))
    reason = required_text("reason", reason, _("Uraikan alasan keberatan Anda."))
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {
                "reason": _("Uraian paling banyak %(max)d karakter.")
                % {"max": REASON_MAX}
            }
        )
    lock(request)
    letters = _grounds(grounds, request)
    today = clock.today()
    window = objection_window(request, today)
    if window is None:
        raise ValidationError(
            _(
                "Keberatan dapat diajukan setelah ada keputusan atau setelah batas "
                "waktu jawaban lewat."
            ),
            code="too_early",
        )
    if today > window:
        raise ValidationError(
            _("Batas waktu pengajuan keberatan (%(date)s) sudah lewat.")
            % {"date": window.strftime("%d-%m-%Y")},
            code="too_late",
        )
    if open_objection(request) is not None:
        raise ValidationError(
            _("Keberatan Anda sebelumnya masih diproses."), code="open_objection"
        )
    due = add_working_days(today, days("OBJECTION_ANSWER"))
    objection = Objection.objects.create(
        request=request,
        filed_at=clock.now(),
        filed_on=today,
        grounds=letters,
        reason=reason,
        due_on=due,
        dispute_due=add_working_days(due, days("DISPUTE")),
    )
    log(
        request,
        Action.OBJECTION_FILED,
        system("objection_filed", grounds=list(letters)),
        role=ActorRole.PEMOHON,
    )
    notify.to_requester(
        request,
        "objection_received",
        objection=objection,
        grounds=grounds_display(letters),
    )
    notify.to_officers(
        notify.atasan_addresses(),
        request,
        "objection_new",
        objection=objection,
        grounds=grounds_display(letters),
    )
    return objection


@transaction.atomic
def objection_answer(*, objection, outcome, text, user) -> Objection:
    """The superior's written answer (art. 36(2)); the requester may then go to
    the Komisi Informasi within ``PPID_DISPUTE_DAYS`` working days."""
    require_atasan(user)
    if outcome not in ObjectionOutcome.values:
        raise ValidationError({"outcome": _("Pilih hasil tanggapan keberatan.")})
    text = required_text("text", text, _("Tuliskan tanggapan atas keberatan."))
    request = lock(objection.request)
    objection.refresh_from_db()
    if objection.answered_at is not None:
        raise ValidationError(_("Keberatan ini sudah ditanggapi."), code="answered")
    objection.answered_at = clock.now()
    objection.answered_on = clock.today()
    objection.answer_text = text
    objection.outcome = outcome
    objection.answered_by = user
    objection.dispute_due = add_working_days(objection.answered_on, days("DISPUTE"))
    objection.save()
    if request.status == Status.DIPUTUS:
        request.status = Status.SELESAI
        request.save(update_fields=["status", "updated_at"])
    log(
        request,
        Action.OBJECTION_ANSWERED,
        system("objection_answered", outcome=objection.outcome),
        user=user,
        role=ActorRole.ATASAN,
    )
    notify.to_requester(
        request,
        "objection_answered",
        objection=objection,
        outcome=objection.get_outcome_display(),
        text=text,
    )
    return objection


@transaction.atomic
def dispute_record(
    *, objection, filed_on, case_number, user, outcome="", decided_on=None, note=""
) -> Dispute:
    """Record (or update) the Komisi Informasi case of an objection: possible once
    the objection was answered or its answer deadline passed."""
    if not (is_atasan(user) or is_ppid_utama(user)):
        raise PermissionDenied(_("Hanya Atasan PPID atau PPID Utama."))
    case_number = required_text(
        "case_number", case_number, _("Isi nomor registrasi sengketa.")
    )
    if filed_on is None:
        raise ValidationError({"filed_on": _("Isi tanggal registrasi sengketa.")})
    if outcome and outcome not in DisputeOutcome.values:
        raise ValidationError({"outcome": _("Pilih putusan sengketa.")})
    if decided_on is not None and not outcome:
        raise ValidationError({"outcome": _("Isi putusan bila tanggal putusan diisi.")})
    request = lock(objection.request)
    if objection.answered_at is None and filed_on <= objection.due_on:
        raise ValidationError(
            _(
                "Sengketa dapat diajukan setelah keberatan ditanggapi atau batas "
                "tanggapannya lewat."
            ),
            code="too_early",
        )
    dispute, created = Dispute.objects.update_or_create(
        objection=objection,
        defaults={
            "filed_on": filed_on,
            "case_number": case_number,
            "outcome": outcome,
            "decided_on": decided_on,
            "note": note.strip(),
        },
    )
    message = system(
        "dispute_recorded" if created else "dispute_updated",
        number=case_number,
        outcome=outcome,
    )
    role = ActorRole.ATASAN if is_atasan(user) else ActorRole.PPID_UTAMA
    log(request, Action.DISPUTE_RECORDED, message, user=user, role=role)
    return dispute
