"""What an information request must satisfy, whichever door it came in by
(portal, API, admin, the complaints hand-over): the one copy of these rules.

``intake.request_submit`` enforces them; the doors may call ``request_errors``
first to answer early, under the same (model) field names.
"""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cms.complaints.uploads import CleanUpload, validate_uploads
from cms.core import contact_rules
from cms.core.contact_rules import text as _text

from .models import DeliveryMethod, ObtainMethod, RequesterKind

IDENTITY_MAX = 100
ADDRESS_MAX = 500
INFORMATION_MIN, INFORMATION_MAX = 20, 3000
PURPOSE_MIN, PURPOSE_MAX = 10, 1000
NIK_LENGTH = 16
DEED_MIN = 3
_NIK_NOISE = re.compile(r"[\s.\-]")
PDF = "application/pdf"
# The legal-document upload of a badan hukum, as a data key or keyword.
UPLOAD_FIELD = "identity_upload"


def _getter(data):
    if isinstance(data, Mapping):
        return data.get
    return lambda name: getattr(data, name, None)


def normalise_identity(kind: str, number) -> str:
    """A NIK without the spaces, dots or dashes people type; a deed number as is."""
    text = _text(number)
    if kind in (RequesterKind.PERORANGAN, RequesterKind.KELOMPOK):
        return _NIK_NOISE.sub("", text)
    return text


def identity_document_clean(upload) -> CleanUpload:
    """A badan hukum's legal document: a readable PDF (same checks as complaint
    attachments: sniffed by content, size-bounded, no password)."""
    clean = upload if isinstance(upload, CleanUpload) else validate_uploads([upload])[0]
    if clean.content_type != PDF:
        raise ValidationError(
            _("Dokumen badan hukum harus berupa berkas PDF."), code="not_pdf"
        )
    return clean


def _requester_errors(get, add, upload) -> None:
    kind = get("requester_kind")
    if kind not in RequesterKind.values:
        add("requester_kind", _("Pilih jenis pemohon."))
    name = _text(get("requester_name"))
    if not name:
        add("requester_name", _("Nama pemohon wajib diisi."))
    contact_rules.name_errors(add, "requester_name", name)
    number = normalise_identity(kind, get("identity_number"))
    if kind in (RequesterKind.PERORANGAN, RequesterKind.KELOMPOK):
        if not (len(number) == NIK_LENGTH and number.isdigit()):
            message = (
                _("NIK pemohon harus 16 angka sesuai KTP.")
                if kind == RequesterKind.PERORANGAN
                else _("NIK perwakilan kelompok harus 16 angka sesuai KTP.")
            )
            add("identity_number", message)
    elif kind == RequesterKind.BADAN_HUKUM:
        if not DEED_MIN <= len(number) <= IDENTITY_MAX:
            add(
                "identity_number",
                _("Isi nomor akta pendirian atau nomor pengesahan badan hukum."),
            )
        _upload_errors(upload or get(UPLOAD_FIELD), add)


def _upload_errors(upload, add) -> None:
    if not upload:
        add(
            UPLOAD_FIELD,
            _("Unggah dokumen badan hukum (akta atau pengesahan) dalam format PDF."),
        )
        return
    try:
        identity_document_clean(upload)
    except ValidationError as error:
        for message in error.messages:
            add(UPLOAD_FIELD, message)


def _contact_errors(get, add) -> None:
    email, phone = _text(get("email")), _text(get("phone"))
    if not email and not phone:
        add("email", _("Isi surel atau nomor telepon pemohon."))
    contact_rules.email_errors(add, "email", email)
    if phone and not contact_rules.phone_is_valid(phone):
        add(
            "phone",
            _("Tulis nomor telepon dengan angka, misalnya 0812 3456 7890."),
        )
    address = _text(get("address"))
    if len(address) > ADDRESS_MAX:
        add(
            "address",
            _("Alamat paling banyak %(max)d karakter.") % {"max": ADDRESS_MAX},
        )
    delivery = get("delivery_method")
    if delivery == DeliveryMethod.EMAIL and not email:
        add("email", _("Pengiriman lewat surel memerlukan alamat surel."))
    if delivery == DeliveryMethod.POS and not address:
        add("address", _("Pengiriman lewat pos memerlukan alamat lengkap."))


def _length_errors(get, add) -> None:
    contact_rules.length_errors(
        get,
        add,
        (
            (
                "information_requested",
                _("Rincian informasi"),
                INFORMATION_MIN,
                INFORMATION_MAX,
            ),
            ("purpose", _("Tujuan penggunaan informasi"), PURPOSE_MIN, PURPOSE_MAX),
        ),
    )


def addressed_opd_of(value):
    """The OPDPage an ``addressed_opd`` value names (instance or pk), None for
    the province's PPID Utama, or False when it names no OPD."""
    from cms.opd.models import OPDPage

    if value in (None, ""):
        return None
    pk = value.pk if isinstance(value, OPDPage) else value
    try:
        return OPDPage.objects.filter(pk=int(pk)).first() or False
    except (TypeError, ValueError):
        return False


def _choice_errors(get, add) -> None:
    if get("obtain_method") not in ObtainMethod.values:
        add("obtain_method", _("Pilih cara memperoleh informasi."))
    if get("delivery_method") not in DeliveryMethod.values:
        add("delivery_method", _("Pilih cara mendapatkan salinan informasi."))
    if addressed_opd_of(get("addressed_opd")) is False:
        add("addressed_opd", _("Pilih PPID tujuan dari daftar."))


def request_errors(data, identity_upload=None) -> dict[str, list[str]]:
    """Every broken rule of a request (a dict of InformationRequest fields, or an
    instance), by field name; empty when it may be registered. A badan hukum's
    legal document comes as ``identity_upload`` (or under that data key)."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    get = _getter(data)
    _requester_errors(get, add, identity_upload)
    _contact_errors(get, add)
    _length_errors(get, add)
    _choice_errors(get, add)
    return errors
