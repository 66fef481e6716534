"""One small form per action on a report. Each form only collects and checks the
input; the action view hands ``cleaned_data`` to the service."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.complaints.codes import normalise_code
from cms.complaints.models import Report
from cms.complaints.uploads import MAX_FILES, validate_uploads
from cms.opd.models import OPDPage


def _message(label, help_text="", required=True):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class OPDMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class OPDChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ActionForm(forms.Form):
    """Built with the report and the acting user, so choices can depend on both."""

    def __init__(self, *args, report, user, opds=None, **kwargs):
        self.report, self.user, self.user_opds = report, user, opds
        super().__init__(*args, **kwargs)


class RequestInfoForm(ActionForm):
    message = _message(
        _("Pesan kepada pelapor"),
        _("Dikirim kepada pelapor dan tampil di halaman lacak laporan."),
    )


class DisposeForm(ActionForm):
    opds = OPDMultipleChoiceField(
        label=_("OPD tujuan"),
        queryset=OPDPage.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Satu atau beberapa OPD. OPD yang tidak dipilih lagi dilepas."),
    )
    note = _message(
        _("Catatan internal"),
        _("Hanya terlihat oleh tim verifikasi dan OPD."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = [d.opd_id for d in self.report.dispositions.all() if d.active]
        default = self.report.category.default_opd_id
        self.fields["opds"].initial = active or ([default] if default else [])


class NotAuthorityForm(ActionForm):
    referral = _message(
        _("Rujukan"),
        _("Instansi yang berwenang dan cara menghubunginya; dikirim kepada pelapor."),
    )


class MergeForm(ActionForm):
    target = forms.CharField(
        label=_("Kode laporan tujuan"),
        max_length=20,
        help_text=_("Laporan lain tentang hal yang sama, misalnya ABCDE-FGHJK."),
    )

    def clean_target(self):
        code = normalise_code(self.cleaned_data["target"])
        into = Report.objects.filter(tracking_code=code).first() if code else None
        if into is None:
            raise ValidationError(_("Tidak ada laporan dengan kode itu."))
        if into.pk == self.report.pk:
            raise ValidationError(
                _("Laporan tidak dapat digabungkan ke dirinya sendiri.")
            )
        return into


class SpamForm(ActionForm):
    reason = _message(_("Alasan"), _("Catatan internal; laporan tetap disimpan."))


class ArchiveForm(ActionForm):
    pass


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class RespondForm(ActionForm):
    opd = OPDChoiceField(label=_("Atas nama OPD"), queryset=OPDPage.objects.none())
    message = _message(_("Tanggapan"))
    public = forms.BooleanField(
        label=_("Tampilkan kepada pelapor"),
        required=False,
        initial=True,
        help_text=_(
            "Tanggapan publik dikirim kepada pelapor; tanpa centang, catatan internal."
        ),
    )
    attachments = MultipleFileField(
        label=_("Lampiran"),
        required=False,
        help_text=_("Paling banyak %(n)d berkas JPEG, PNG, WebP atau PDF.")
        % {"n": MAX_FILES},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = self.report.dispositions.filter(active=True)
        opds = OPDPage.objects.filter(pk__in=active.values("opd_id"))
        if self.user_opds is not None:  # None: the superuser stands in for any
            opds = opds.filter(pk__in=self.user_opds.values("pk"))
        opds = opds.order_by("title")
        self.fields["opd"].queryset = opds
        if len(opds) == 1:
            self.fields["opd"].initial = opds[0].pk
            self.fields["opd"].widget = forms.HiddenInput()

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        return validate_uploads(files) if files else []


class ResolveForm(ActionForm):
    message = _message(
        _("Penyelesaian"),
        _(
            "Apa yang telah dilakukan; dikirim kepada pelapor, yang dapat "
            "mengonfirmasi atau membuka kembali laporan."
        ),
    )


class FollowUpForm(forms.Form):
    """The text of a report's public follow-up, as the verifier approves it."""

    title = forms.CharField(label=_("Judul"), max_length=255)
    summary = forms.CharField(
        label=_("Ringkasan"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = forms.CharField(
        label=_("Teks tindak lanjut"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Tampil untuk umum. Identitas yang dikenali sudah diganti "
            "“[disamarkan]”; periksa juga nama orang lain dan alamat rumah."
        ),
    )
    checked = forms.BooleanField(
        label=_(
            "Saya sudah memeriksa: teks tidak memuat identitas, kontak, atau alamat "
            "persis pelapor"
        ),
        required=True,
    )
