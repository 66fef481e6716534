"""The "Alihkan ke PPID" action on a complaint (offered in the complaints admin
through its ``register_report_action`` hook): a complaint of kind "permintaan
informasi" becomes a registered information request."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.complaints.admin.actions import VERIFIER, ReportAction
from cms.complaints.admin.forms import ActionForm
from cms.complaints.models import Kind

from ..handover import request_from_report


class HandoverForm(ActionForm):
    """Nothing to fill in: the request is built from the report."""


def _success(request) -> str:
    return _(
        "Laporan dialihkan ke PPID sebagai permohonan informasi %(number)s; "
        "pelapor diberi tahu."
    ) % {"number": request.register_number}


def handover_action() -> ReportAction:
    return ReportAction(
        "alihkan-ppid",
        "mark_not_authority",
        gettext_lazy("Alihkan ke PPID"),
        HandoverForm,
        VERIFIER,
        lambda report, user, data: request_from_report(report=report, user=user),
        _success,
        applies=lambda report: report.kind == Kind.INFORMASI,
    )
