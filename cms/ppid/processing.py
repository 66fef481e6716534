"""Processing a request: assignment to the OPD holding the information, the one
extension (art. 22(8)) and the decision (art. 22(7), 17)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.core.workdays import add_working_days

from . import clock, notify
from .access import role_of
from .documents import document_link
from .models import Action, Decision, InformationRequest, Status
from .steps import (
    days,
    lock,
    log,
    require_handler,
    require_utama,
    required_text,
    today,
)
from .timeline import system

UNDECIDED = (Status.DITERIMA, Status.DIPROSES)


class InvalidStep(ValidationError):
    """The request is not in a state where this step may run."""


def _require_undecided(request: InformationRequest) -> None:
    if request.status not in UNDECIDED:
        raise InvalidStep(_("Permohonan ini sudah diputus."), code="already_decided")


def _role(user, request):
    return role_of(user, request.assigned_opd_id or request.addressed_opd_id)


@transaction.atomic
def request_assign(*, request, opd, user, note=""):
    """PPID Utama hands the request to the OPD that holds the information (again
    to another OPD while undecided). The deadline does not move."""
    require_utama(user)
    _require_undecided(lock(request))
    if opd is None:
        raise ValidationError({"opd": _("Pilih OPD yang menguasai informasi.")})
    request.assigned_opd = opd
    request.status = Status.DIPROSES
    request.save(update_fields=["assigned_opd", "status", "updated_at"])
    log(
        request,
        Action.ASSIGNED,
        system("assigned", opd=opd.title),
        user=user,
        role=role_of(user),
    )
    if note.strip():
        log(
            request,
            Action.ASSIGNED,
            note.strip(),
            user=user,
            role=role_of(user),
            public=False,
        )
    notify.to_officers(
        notify.pelaksana_addresses(opd), request, "assigned", note=note.strip()
    )
    return request


@transaction.atomic
def request_extend(*, request, reason, user):
    """Once, before the deadline has passed, with a written reason sent to the
    requester: the deadline moves by ``PPID_EXTENSION_DAYS`` working days."""
    require_handler(user, request)
    reason = required_text(
        "reason", reason, _("Tuliskan alasan perpanjangan untuk pemohon.")
    )
    _require_undecided(lock(request))
    if request.extended_at is not None:
        raise InvalidStep(
            _("Waktu jawaban hanya dapat diperpanjang satu kali."), code="extended"
        )
    if today() > request.due_on:
        raise InvalidStep(
            _("Batas waktu sudah lewat; perpanjangan tidak dapat diberikan lagi."),
            code="too_late",
        )
    request.due_on = add_working_days(request.due_on, days("EXTENSION"))
    request.extended_at = clock.now()
    request.extension_reason = reason
    request.save(
        update_fields=["due_on", "extended_at", "extension_reason", "updated_at"]
    )
    log(
        request,
        Action.EXTENDED,
        system("extended", due=request.due_on.isoformat(), reason=reason),
        user=user,
        role=_role(user, request),
    )
    notify.to_requester(request, "extended", reason=reason)
    return request


def _decision_fields(
    decision,
    text,
    redaction_note,
    exemption_entry,
    exemption_article,
    consequence_test,
    referral,
) -> dict:
    """The basis each decision needs (refusal: an exemption and a consequence
    test, art. 17 and 19); anything not belonging to the decision is dropped."""
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Pilih jenis keputusan.")})
    text = required_text("text", text, _("Tuliskan jawaban untuk pemohon."))
    fields = {
        "decision": decision,
        "decision_text": text,
        "redaction_note": "",
        "exemption_entry": None,
        "exemption_article": "",
        "consequence_test": "",
        "referral": "",
    }
    if decision == Decision.DIBERIKAN_SEBAGIAN:
        fields["redaction_note"] = required_text(
            "redaction_note",
            redaction_note,
            _("Sebutkan bagian yang dihitamkan dan alasannya."),
        )
    elif decision == Decision.DITOLAK:
        fields.update(
            _refusal_basis(exemption_entry, exemption_article, consequence_test)
        )
    elif decision == Decision.TIDAK_DIKUASAI:
        fields["referral"] = required_text(
            "referral",
            referral,
            _("Sebutkan badan publik yang menguasai informasi tersebut."),
        )
    return fields


def _refusal_basis(entry, article, consequence_test) -> dict:
    errors = {}
    article = (article or "").strip()
    if entry is not None and not entry.is_exempted:
        errors["exemption_entry"] = _(
            "Entri DIP itu bukan informasi yang dikecualikan."
        )
    elif entry is None and not article:
        errors["exemption_entry"] = _(
            "Penolakan wajib menyebut dasar pengecualian: entri DIP yang "
            "dikecualikan atau pasal peraturan."
        )
    consequence_test = (consequence_test or "").strip()
    if not consequence_test:
        errors["consequence_test"] = _("Penolakan wajib disertai uji konsekuensi.")
    if errors:
        raise ValidationError(errors)
    return {
        "exemption_entry": entry,
        "exemption_article": article,
        "consequence_test": consequence_test,
    }


@transaction.atomic
def request_decide(
    *,
    request,
    decision,
    text,
    user,
    redaction_note="",
    exemption_entry=None,
    exemption_article="",
    consequence_test="",
    referral="",
):
    """The written decision; opens the objection window (art. 36(1))."""
    require_handler(user, request)
    fields = _decision_fields(
        decision,
        text,
        redaction_note,
        exemption_entry,
        exemption_article,
        consequence_test,
        referral,
    )
    _require_undecided(lock(request))
    for name, value in fields.items():
        setattr(request, name, value)
    request.decided_at = clock.now()
    request.decided_on = clock.today()
    # Counted from the decision; a late decision is later than the missed
    # deadline, so the window a missed deadline opened is never shortened.
    request.objection_due = add_working_days(request.decided_on, days("OBJECTION"))
    request.status = Status.DIPUTUS
    request.save()
    log(
        request,
        Action.DECIDED,
        system("decided", decision=request.decision),
        user=user,
        role=_role(user, request),
    )
    links = [
        (d.name, notify.site_url(document_link(d))) for d in request.documents.all()
    ]
    notify.to_requester(
        request,
        "decided",
        decision=request.get_decision_display(),
        text=request.decision_text,
        links=links,
        redaction_note=request.redaction_note,
        referral=request.referral,
        objection_due=request.objection_due,
    )
    return request
