"""Forms of the PPID pages (/ppid/): the information request and the objection.
Plain Django forms rendered by hand (``complaints/_field.html``, ``_choices.html``)
so every field has its label, hint and error tied by ``aria-describedby``, with or
without JavaScript.

What a request must satisfy is ``cms.ppid.rules.request_errors``' (every door
calls it); the form shows its messages on their fields before the rate limit is
spent. A badan hukum's legal document (a PDF) goes through the complaints'
upload check (type sniffed from the content, metadata stripped).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.complaints.uploads import MAX_BYTES
from cms.opd.models import OPDPage
from cms.opd.selectors import opd_list
from cms.ppid import rules
from cms.ppid.grounds import OBJECTION_GROUNDS
from cms.ppid.models import DeliveryMethod, ObtainMethod, RequesterKind

from .complaints_forms import (
    DescribedForm,
    HoneypotMixin,
    add_hints,
    add_service_errors,
    honeypot_field,
)

ACCEPT = ".pdf,application/pdf"
MAX_MB = MAX_BYTES // (1024 * 1024)
# The InformationRequest fields the form fills (what request_submit takes).
REQUEST_FIELDS = (
    "requester_kind",
    "requester_name",
    "identity_number",
    "email",
    "phone",
    "address",
    "information_requested",
    "purpose",
    "obtain_method",
    "delivery_method",
    "addressed_opd",
)
KIND_HELP = {
    "perorangan": _("Warga negara Indonesia; sertakan NIK dari KTP."),
    "badan_hukum": _(
        "Yayasan, perkumpulan, perseroan: sertakan nomor akta atau pengesahan "
        "dan unggah dokumennya."
    ),
    "kelompok": _("Sekelompok orang; isi NIK perwakilan kelompok."),
}

__all__ = ["MAX_MB", "ObjectionForm", "RequestForm", "add_service_errors"]


class RequestForm(HoneypotMixin, DescribedForm):
    """The request form at /ppid/permohonan/ (fields named as the model's)."""

    HINTS = {
        "identity_number": _(
            "Perorangan dan kelompok: NIK 16 angka. Badan hukum: nomor akta "
            "pendirian atau pengesahan."
        ),
        "identity_upload": _(
            "Khusus badan hukum: akta pendirian atau pengesahan dalam format PDF, "
            "paling besar %(mb)s MB."
        ),
        "email": _("Tanda terima dan tautan rahasia permohonan dikirim ke sini."),
        "phone": _("Isi surel atau telepon (salah satu wajib)."),
        "addressed_opd": _(
            "Pilih perangkat daerah yang menguasai informasinya bila Anda tahu; "
            "bila tidak, PPID Utama meneruskannya."
        ),
        "information_requested": _(
            "Sebutkan sejelas mungkin informasi atau dokumen yang Anda minta "
            "(20 sampai 3.000 karakter)."
        ),
        "purpose": _(
            "Untuk apa informasi ini akan digunakan (10 sampai 1.000 karakter)."
        ),
    }

    requester_kind = forms.ChoiceField(
        label=_("Jenis pemohon"),
        choices=RequesterKind.choices,
        initial=RequesterKind.PERORANGAN,
        widget=forms.RadioSelect,
    )
    requester_name = forms.CharField(
        label=_("Nama pemohon"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    identity_number = forms.CharField(
        label=_("Nomor identitas"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    identity_upload = forms.FileField(
        label=_("Dokumen badan hukum"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    email = forms.CharField(
        label=_("Surel (email)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    address = forms.CharField(
        label=_("Alamat"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    addressed_opd = forms.ModelChoiceField(
        label=_("Ditujukan kepada"),
        queryset=OPDPage.objects.none(),  # the public OPDs, set in __init__
        required=False,
        empty_label=_("PPID Utama Provinsi Banten"),
    )
    information_requested = forms.CharField(
        label=_("Informasi yang diminta"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6, "minlength": 20}),
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "minlength": 10}),
    )
    obtain_method = forms.ChoiceField(
        label=_("Cara memperoleh informasi"),
        choices=ObtainMethod.choices,
        widget=forms.RadioSelect,
    )
    delivery_method = forms.ChoiceField(
        label=_("Cara mendapatkan salinan informasi"),
        choices=DeliveryMethod.choices,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_(
            "Saya menyatakan data ini benar dan setuju datanya diproses oleh PPID "
            "Pemerintah Provinsi Banten untuk melayani permohonan ini."
        ),
        error_messages={"required": _("Centang persetujuan untuk mengirim.")},
    )
    situs_web = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressed_opd"].queryset = opd_list()
        self.identity_upload = None
        hints = dict(self.HINTS)
        hints["identity_upload"] = hints["identity_upload"] % {"mb": MAX_MB}
        add_hints(self, hints)

    def options(self, name: str, help_texts: dict | None = None):
        return [
            (radio, (help_texts or {}).get(radio.data["value"], ""))
            for radio in self[name]
        ]

    @property
    def kind_options(self):
        return self.options("requester_kind", KIND_HELP)

    @property
    def obtain_options(self):
        return self.options("obtain_method")

    @property
    def delivery_options(self):
        return self.options("delivery_method")

    def clean_identity_upload(self):
        """Only a badan hukum's document is read (sniffed, must be a PDF)."""
        upload = self.cleaned_data.get("identity_upload")
        kind = self.cleaned_data.get("requester_kind")
        if upload and kind == RequesterKind.BADAN_HUKUM:
            self.identity_upload = rules.identity_document_clean(upload)
        return upload

    def clean(self):
        """The rules ``request_submit`` enforces, on their fields (a field already
        in error keeps its own message)."""
        data = super().clean()
        errors = rules.request_errors(self.request_data(data), self.identity_upload)
        for name, messages in errors.items():
            target = name if name in self.fields else None
            if target is None or not self.has_error(target):
                self.add_error(target, messages)
        return data

    def request_data(self, data: dict | None = None) -> dict:
        data = self.cleaned_data if data is None else data
        return {name: data.get(name) for name in REQUEST_FIELDS if name in data}


class ObjectionForm(DescribedForm):
    """The objection (keberatan) on the requester's page: art. 35(1) grounds."""

    grounds = forms.MultipleChoiceField(
        label=_("Alasan keberatan (Pasal 35 ayat 1 UU 14/2008)"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih paling sedikit satu alasan.")},
    )
    reason = forms.CharField(
        label=_("Uraian keberatan"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, allowed_grounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        letters = allowed_grounds or list(OBJECTION_GROUNDS)
        self.fields["grounds"].choices = [
            (letter, f"{letter}. {OBJECTION_GROUNDS[letter]}") for letter in letters
        ]
        add_hints(
            self,
            {"reason": _("Jelaskan mengapa Anda keberatan dan apa yang Anda minta.")},
        )
