"""What the public sees of complaints: the one place that decides it for the portal
(/lapor/lacak/, the receipt, /lapor/statistik/), the mobile API and Open311.

- Spam is kept (never deleted) but shown to no one outside the verification team:
  not found by its code, not listed, not counted. Merged reports (``digabung``)
  stay visible, closed, like any other finished report.
- The deadline the public waits for depends only on the status (``next_deadline``).
- A report's own title and its (rounded) position are shown only when the reporter
  chose ``biasa`` and the verification team accepted the report
  (``public_details_visible``): an unverified text may name people.
"""

from datetime import date
from typing import NamedTuple

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .codes import normalise_code
from .models import Disposition, Privacy, Report, Status

# Kept (never deleted) but shown to no one outside the verification team.
HIDDEN_STATUSES = frozenset({Status.SPAM})
# Statuses where nobody is working on the report any more.
CLOSED_STATUSES = frozenset(
    {Status.SELESAI, Status.ARSIP, Status.BUKAN_KEWENANGAN, Status.DIGABUNG}
)
# Accepted by the verification team (disposed or later).
VERIFIED_STATUSES = frozenset(
    {Status.DISPOSISI, Status.TINDAK_LANJUT, Status.SELESAI, Status.ARSIP}
)


class Deadline(NamedTuple):
    what: str  # the step that is due, for people
    due: date


def public_reports():
    """Reports the public may see, with what the public pages read prefetched (the
    active dispositions as ``active_dispositions``)."""
    active = Disposition.objects.filter(active=True).select_related("opd")
    return (
        Report.objects.exclude(status__in=HIDDEN_STATUSES)
        .select_related("category")
        .prefetch_related(
            Prefetch("dispositions", queryset=active, to_attr="active_dispositions")
        )
    )


def find_public(code) -> Report | None:
    """The public report with this tracking code as typed (any case, with or without
    the dash), or None (unknown or hidden: the same answer)."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return public_reports().filter(tracking_code=normalised).first()


def active_dispositions(report) -> list[Disposition]:
    found = getattr(report, "active_dispositions", None)
    if found is None:
        found = list(report.dispositions.filter(active=True).select_related("opd"))
    return found


def next_deadline(report, dispositions=None) -> Deadline | None:
    """What is due next and when: verification, the first response of an OPD that
    has not answered yet (also while another OPD already follows up), or the end
    of the reporter's time to confirm or reopen. None when nothing is due.

    ``dispositions``: the report's active dispositions when the caller has them
    (``deadlines.py`` reads them fresh); else prefetched or queried. The stored
    copy of this value is ``Report.due_on`` (``deadlines.py``)."""
    if report.status in (Status.BARU, Status.PERLU_INFO) and report.verify_due:
        return Deadline(_("Verifikasi oleh tim provinsi"), report.verify_due)
    if report.status in (Status.DISPOSISI, Status.TINDAK_LANJUT):
        if dispositions is None:
            dispositions = active_dispositions(report)
        waiting = [
            d.first_response_due for d in dispositions if d.first_response_at is None
        ]
        if waiting:
            return Deadline(_("Tanggapan pertama perangkat daerah"), min(waiting))
    if report.status == Status.SELESAI and report.close_due:
        if report.confirmed_at:  # the reporter is done: only the archiving waits
            return Deadline(_("Diarsipkan"), report.close_due)
        return Deadline(
            _("Konfirmasi atau buka kembali oleh pelapor"), report.close_due
        )
    return None


def current_deadline(report, dispositions=None) -> date | None:
    deadline = next_deadline(report, dispositions)
    return deadline.due if deadline else None


def public_details_visible(report) -> bool:
    """May the report's title and rounded position be shown to anyone?"""
    return report.privacy == Privacy.BIASA and report.status in VERIFIED_STATUSES
