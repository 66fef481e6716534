"""The one transition table: which action may run in which status, and where it
leads (``None``: the status stays as it is)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Status

S = Status
OPEN_FOR_VERIFICATION = {S.BARU, S.PERLU_INFO}

TRANSITIONS: dict[str, tuple[set[str], str | None]] = {
    "request_info": (OPEN_FOR_VERIFICATION, S.PERLU_INFO),
    "reporter_reply": (
        {S.BARU, S.PERLU_INFO, S.DISPOSISI, S.TINDAK_LANJUT},
        None,  # perlu_info goes back to baru (services.reporter_reply)
    ),
    "dispose": (OPEN_FOR_VERIFICATION | {S.DISPOSISI, S.TINDAK_LANJUT}, S.DISPOSISI),
    "mark_not_authority": (OPEN_FOR_VERIFICATION, S.BUKAN_KEWENANGAN),
    "merge": (OPEN_FOR_VERIFICATION, S.DIGABUNG),
    "mark_spam": (OPEN_FOR_VERIFICATION, S.SPAM),
    "respond": ({S.DISPOSISI, S.TINDAK_LANJUT}, S.TINDAK_LANJUT),
    "resolve": ({S.TINDAK_LANJUT}, S.SELESAI),
    "confirm": ({S.SELESAI}, None),
    "reopen": ({S.SELESAI}, S.TINDAK_LANJUT),
    "close_auto": ({S.SELESAI}, S.ARSIP),
    "archive": ({S.SELESAI}, S.ARSIP),
}


class InvalidTransition(ValidationError):
    pass


def check(action: str, report) -> str:
    """The status ``report`` moves to with ``action``; raises InvalidTransition."""
    allowed, target = TRANSITIONS[action]
    if report.status not in allowed:
        raise InvalidTransition(
            _("Tindakan ini tidak dapat dilakukan pada laporan berstatus %(status)s.")
            % {"status": report.get_status_display()},
            code="invalid_transition",
        )
    return target or report.status


def allowed_actions(report) -> list[str]:
    """What may be done next: the admin shows these as buttons."""
    return [a for a, (states, _t) in TRANSITIONS.items() if report.status in states]
