"""Forms of the citizens' complaint pages (/lapor/): plain Django forms rendered
by hand in frontend-templates/complaints/ so every field gets its label, hint and
error wired together (``aria-describedby``), with or without JavaScript.

Attachments go through ``cms.complaints.uploads.validate_uploads`` (type sniffed
from the content, metadata stripped); its messages become the field's errors.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.complaints import rules
from cms.complaints.intake import FIELDS as REPORT_FIELDS
from cms.complaints.models import (
    DESCRIPTION_MAX,
    Category,
    Kind,
    Privacy,
)
from cms.complaints.regions import REGIONS
from cms.complaints.uploads import MAX_BYTES, validate_uploads

ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf"
HONEYPOT = "situs_web"  # a name bots like to fill; people never see the field
# The shared rules' messages speak of "pelapor"; this form speaks to the reporter.
WORDING = {
    rules.CONTACT_MISSING: _("Isi surel atau nomor telepon Anda (atau pilih anonim)."),
}


KIND_HELP = {
    "pengaduan": _("Ada masalah layanan publik yang perlu ditangani."),
    "aspirasi": _("Usul, saran, atau harapan untuk Pemerintah Provinsi Banten."),
    "informasi": _("Meminta informasi publik yang dikuasai badan publik."),
}
PRIVACY_HELP = {
    "biasa": _(
        "Nama dan kontak Anda terlihat oleh petugas yang menangani laporan, "
        "tetapi tidak pernah ditampilkan kepada publik."
    ),
    "anonim": _(
        "Nama dan kontak tidak disimpan sama sekali. Anda mengikuti laporan dengan "
        "kode lacak dan tautan rahasia yang ditampilkan setelah mengirim; kami tidak "
        "dapat menghubungi Anda."
    ),
    "rahasia": _(
        "Identitas disimpan, tetapi hanya terlihat oleh tim verifikasi provinsi, "
        "tidak oleh perangkat daerah yang menangani."
    ),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to ``MAX_FILES`` files; their content is checked in the form's clean."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in files if f]


def add_hints(form, hints: dict) -> None:
    """Hints under the labels; set in ``__init__``, before any BoundField (which
    copies the help text) exists."""
    for name, hint in hints.items():
        form.fields[name].help_text = hint


class DescribedForm(forms.Form):
    """A form of the complaint pages, rendered by hand (``_field.html``)."""

    def describe_fields(self) -> None:
        """Point each field at its hint and, once validated, at its error message."""
        for name, field in self.fields.items():
            ids = [f"hint-{name}"] if field.help_text else []
            if self.is_bound and name in self.errors:
                ids.append(f"err-{name}")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


def honeypot_field() -> forms.CharField:
    """The trap field (named ``HONEYPOT``) of the citizens' forms: hidden from
    people and out of the tab order; a filled one marks a bot."""
    return forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class HoneypotMixin:
    """``is_honeypot`` for a form with a ``honeypot_field()``."""

    @property
    def is_honeypot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class ReportForm(HoneypotMixin, DescribedForm):
    """The report form at /lapor/ (fields named as ``Report``'s)."""

    HINTS = {
        "title": _("Ringkas, misalnya “Jalan berlubang di depan SDN 2 Cipocok”."),
        "description": _("Apa, di mana, sejak kapan. Paling banyak 5.000 karakter."),
        "address": _("Nama jalan, RT/RW, desa/kelurahan, kecamatan, atau patokan."),
        "latitude": _("Opsional, misalnya -6.120000."),
        "longitude": _("Opsional, misalnya 106.150000."),
        "attachments": _(
            "Opsional: foto (JPEG, PNG, WebP) atau PDF, paling banyak 5 berkas, "
            "masing-masing paling besar 10 MB. Lokasi dan data lain di dalam foto "
            "dihapus sebelum disimpan."
        ),
        "reporter_email": _("Tautan rahasia untuk mengikuti laporan dikirim ke sini."),
        "reporter_phone": _("Isi surel atau telepon (salah satu wajib)."),
    }

    kind = forms.ChoiceField(
        label=_("Jenis laporan"), choices=Kind.choices, widget=forms.RadioSelect
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.none(),
        empty_label=_("— Pilih kategori —"),
    )
    # Lengths, place, phone, email and identity are cms.complaints.rules' (checked
    # in clean()); max_length here bounds the input and, with minlength, is the
    # browser's hint.
    title = forms.CharField(
        label=_("Judul laporan"),
        max_length=rules.TITLE_MAX,
        widget=forms.TextInput(attrs={"minlength": rules.TITLE_MIN}),
    )
    description = forms.CharField(
        label=_("Uraian"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "minlength": rules.DESCRIPTION_MIN}),
    )
    region = forms.ChoiceField(
        label=_("Kabupaten/kota"),
        choices=[("", _("— Pilih kabupaten/kota —")), *REGIONS],
    )
    address = forms.CharField(
        label=_("Alamat atau lokasi"), max_length=rules.ADDRESS_MAX, required=False
    )
    latitude = forms.DecimalField(
        label=_("Lintang (latitude)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    longitude = forms.DecimalField(
        label=_("Bujur (longitude)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    attachments = AttachmentsField(
        label=_("Lampiran"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    privacy = forms.ChoiceField(
        label=_("Kerahasiaan identitas"),
        choices=Privacy.choices,
        initial=Privacy.BIASA,
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(
        label=_("Nama"),
        max_length=rules.NAME_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    reporter_email = forms.CharField(
        label=_("Surel (email)"),
        max_length=rules.EMAIL_MAX,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    reporter_phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp"),
        max_length=rules.PHONE_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Saya menyatakan laporan ini benar dan setuju datanya diproses oleh "
            "Pemerintah Provinsi Banten untuk menindaklanjutinya."
        ),
        error_messages={"required": _("Centang persetujuan untuk mengirim laporan.")},
    )
    situs_web = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(active=True)
        for name in ("title", "address"):
            self.fields[name].widget.attrs.setdefault("autocomplete", "off")
        self.uploads = []
        add_hints(self, self.HINTS)

    @property
    def kind_options(self):
        return [
            (radio, KIND_HELP.get(radio.data["value"], "")) for radio in self["kind"]
        ]

    @property
    def privacy_options(self):
        return [
            (radio, PRIVACY_HELP.get(radio.data["value"], ""))
            for radio in self["privacy"]
        ]

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        self.uploads = validate_uploads(files) if files else []
        return files

    def clean(self):
        """The rules ``services.submit`` enforces, shown on their fields before
        the rate limit is spent (a field already in error keeps its message)."""
        data = rules.with_privacy(super().clean())
        for name, messages in rules.report_errors(data, WORDING).items():
            if name in self.fields and not self.has_error(name):
                self.add_error(name, messages)
        return data

    def report_data(self) -> dict:
        """What ``services.submit`` takes: the Report fields."""
        return {name: self.cleaned_data[name] for name in REPORT_FIELDS}


MAX_MB = MAX_BYTES // (1024 * 1024)


def add_service_errors(form, error: ValidationError) -> None:
    """A service's ValidationError shown on the form: on its fields when it names
    fields the form has, at the top otherwise."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
