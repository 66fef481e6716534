"""Forms of the follow-up pages: looking a report up by code (/lapor/lacak/) and
the reporter's secret link page (reply with files, reopen with a reason)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.complaints.codes import normalise_code
from cms.complaints.models import DESCRIPTION_MAX

from .complaints_forms import (
    ACCEPT,
    AttachmentsField,
    DescribedForm,
    MultipleFileInput,
    ReportForm,
    add_hints,
)


class TrackForm(DescribedForm):
    kode = forms.CharField(
        label=_("Kode lacak"),
        max_length=20,
        help_text=_("10 huruf dan angka dari tanda terima, misalnya 7KQ2M-X9TRA."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
    )

    def clean_kode(self):
        code = normalise_code(self.cleaned_data["kode"])
        if code is None:
            raise ValidationError(
                _("Kode lacak terdiri atas 10 huruf dan angka, misalnya 7KQ2M-X9TRA.")
            )
        return code


class ReplyForm(DescribedForm):
    message = forms.CharField(
        label=_("Pesan Anda"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachments = AttachmentsField(
        label=_("Lampiran"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploads = []
        add_hints(self, {"attachments": ReportForm.HINTS["attachments"]})

    clean_attachments = ReportForm.clean_attachments


class ReopenForm(DescribedForm):
    reason = forms.CharField(
        label=_("Alasan membuka kembali"),
        max_length=DESCRIPTION_MAX,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
