"""A complaint that is really an information request, handed over by the
complaints verification team (cms.complaints) to the PPID.

The request is registered from the report's text and reporter; the complaint is
closed through the complaints app's own "not via this channel" transition
(``mark_not_authority``: verification ends, reporter told) with a public entry
naming the new register number. The law needs a requester's identity, so an
anonymous report is refused: the team asks the reporter to file at
/ppid/permohonan/ instead.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from cms.complaints import services as complaints
from cms.complaints import timeline as report_timeline
from cms.complaints.models import Action as ReportAction
from cms.complaints.models import Privacy
from cms.complaints.steps import lock as lock_report
from cms.complaints.steps import require_verifier
from cms.complaints.transitions import check

from .intake import register
from .models import ActorRole, DeliveryMethod, ObtainMethod, RequesterKind, Source
from .rules import INFORMATION_MAX, request_errors
from .timeline import system

PORTAL_PATH = "/ppid/permohonan/"


def _values(report) -> dict:
    # Stored text: in the site's language whatever the verifier's admin language.
    with translation.override(settings.LANGUAGE_CODE):
        purpose = _("Tidak disebutkan (dialihkan dari aduan %(code)s).") % {
            "code": report.tracking_code
        }
    text = f"{report.title.strip()}\n\n{report.description.strip()}"
    return {
        "requester_kind": RequesterKind.PERORANGAN,
        "requester_name": report.reporter_name,
        # Complaints never ask for a NIK: the PPID completes it with the
        # requester before the information is handed over (timeline note).
        "identity_number": "",
        "email": report.reporter_email,
        "phone": report.reporter_phone,
        "address": "",
        "information_requested": text[:INFORMATION_MAX],
        "purpose": purpose,
        "obtain_method": ObtainMethod.SALINAN_ELEKTRONIK,
        "delivery_method": DeliveryMethod.EMAIL
        if report.reporter_email
        else DeliveryMethod.AMBIL_LANGSUNG,
    }


@transaction.atomic
def request_from_report(*, report, user):
    """Register the report as an information request (source "aduan") and close
    the report pointing to it; returns the InformationRequest. The requester is
    emailed the receipt and their secret link."""
    require_verifier(user)
    check("mark_not_authority", lock_report(report))
    if report.privacy == Privacy.ANONIM:
        raise ValidationError(
            _(
                "Laporan anonim tidak dapat dialihkan menjadi permohonan informasi: "
                "undang-undang mewajibkan identitas pemohon. Minta pelapor "
                "mengajukan permohonan di %(path)s."
            )
            % {"path": PORTAL_PATH},
            code="anonymous",
        )
    values = _values(report)
    errors = request_errors(values)
    errors.pop("identity_number", None)
    if errors:
        raise ValidationError(errors)
    request, _token = register(
        values=values,
        addressed_opd=None,
        source=Source.ADUAN,
        user=user,
        role=ActorRole.SISTEM,
        note=system("from_complaint", code=report.tracking_code),
    )
    number = request.register_number
    complaints._reject(
        report,
        user,
        "mark_not_authority",
        ReportAction.NOT_AUTHORITY,
        report_timeline.system("to_ppid_note", number=number),
        report_timeline.system("to_ppid", number=number),
        updates={"referral": report_timeline.record_text("to_ppid", number=number)},
        reason="dialihkan_ppid",
        register_number=request.register_number,
    )
    return request
