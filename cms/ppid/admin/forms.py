"""One small form per action on a request. Each form only collects and checks the
shape of the input; the rules (e.g. a refusal needs a basis) are the services',
whose refusals the action view puts back by the field they concern."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.complaints.uploads import validate_uploads
from cms.core.visibility import only_public
from cms.dip.models import DIPEntryPage, Kategori
from cms.opd.models import OPDPage
from cms.ppid.models import Decision, DisputeOutcome, ObjectionOutcome

from .roles import is_utama, request_opd_id


def _text(label, help_text="", required=True, rows=4):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _date(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Format: tahun-bulan-tanggal, misalnya 2026-03-31."),
    )


class OPDChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class EntryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        opd = obj.opd.title if obj.opd_id else ""
        return f"{obj.title} — {opd}" if opd else obj.title


class ActionForm(forms.Form):
    """Built with the request and the acting user, so choices can depend on both."""

    def __init__(self, *args, info_request, user, **kwargs):
        self.info_request, self.user = info_request, user
        super().__init__(*args, **kwargs)


class AssignForm(ActionForm):
    opd = OPDChoiceField(
        label=_("OPD yang menguasai informasi"),
        queryset=OPDPage.objects.order_by("title"),
        empty_label=_("Pilih OPD"),
    )
    note = _text(
        _("Catatan untuk PPID Pelaksana"),
        _("Catatan internal; tidak dikirim kepada pemohon."),
        required=False,
        rows=3,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].initial = request_opd_id(self.info_request)


class ExtendForm(ActionForm):
    reason = _text(
        _("Alasan perpanjangan"),
        _(
            "Perpanjangan hanya sekali, 7 hari kerja. Alasan tertulis ini dikirim "
            "kepada pemohon."
        ),
    )


# Which fields each decision uses: the others are hidden (CSS) and ignored.
DECISION_FIELDS = {
    Decision.DIBERIKAN_SEBAGIAN: ["redaction_note"],
    Decision.DITOLAK: ["exemption_entry", "exemption_article", "consequence_test"],
    Decision.TIDAK_DIKUASAI: ["referral"],
}


class DecideForm(ActionForm):
    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=Decision.choices, widget=forms.RadioSelect
    )
    text = _text(
        _("Jawaban kepada pemohon"),
        _("Dikirim kepada pemohon bersama tautan dokumen."),
        rows=5,
    )
    redaction_note = _text(
        _("Bagian yang dihitamkan dan alasannya"),
        _("Wajib untuk keputusan diberikan sebagian."),
        required=False,
    )
    exemption_entry = EntryChoiceField(
        label=_("Entri DIP dikecualikan"),
        queryset=DIPEntryPage.objects.none(),
        required=False,
        empty_label=_("Tidak ada (sebutkan pasal)"),
        help_text=_("Informasi dikecualikan dalam DIP yang menjadi dasar penolakan."),
    )
    exemption_article = forms.CharField(
        label=_("Pasal pengecualian"),
        max_length=300,
        required=False,
        help_text=_("Misalnya: Pasal 17 huruf b UU 14/2008."),
    )
    consequence_test = _text(
        _("Uji konsekuensi"),
        _("Wajib untuk penolakan: akibat yang timbul bila informasi dibuka."),
        required=False,
    )
    referral = _text(
        _("Rujukan badan publik"),
        _("Wajib untuk keputusan tidak dikuasai: badan publik yang menguasainya."),
        required=False,
        rows=3,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entries = DIPEntryPage.objects.filter(kategori=Kategori.DIKECUALIKAN)
        if not is_utama(self.user):  # a PPID Pelaksana cites its own OPD's DIP
            entries = entries.filter(opd_id=request_opd_id(self.info_request))
        self.fields["exemption_entry"].queryset = (
            only_public(entries)
            .select_related("opd")
            .order_by("opd__title", "title_sort_key")  # natural order, as the DIP
        )

    def groups(self) -> list[tuple[str, list]]:
        """(decision, bound fields) of the fields that follow the decision."""
        return [
            (str(d), [self[f] for f in names]) for d, names in DECISION_FIELDS.items()
        ]

    def clean(self):
        data = super().clean()
        used = DECISION_FIELDS.get(data.get("decision"), [])
        for names in DECISION_FIELDS.values():
            for name in names:
                if name not in used:  # hidden: what was typed there does not count
                    data[name] = None if name == "exemption_entry" else ""
        return data


class DocumentForm(ActionForm):
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_("Dokumen jawaban untuk pemohon (PDF atau gambar)."),
    )

    def clean_file(self):
        # Sniffed by content, images re-encoded without metadata, PDFs checked.
        return validate_uploads([self.cleaned_data["file"]])[0]


class ObjectionAnswerForm(ActionForm):
    outcome = forms.ChoiceField(
        label=_("Tanggapan atas keberatan"),
        choices=ObjectionOutcome.choices,
        widget=forms.RadioSelect,
    )
    text = _text(
        _("Tanggapan tertulis atasan PPID"), _("Dikirim kepada pemohon."), rows=5
    )


class DisputeForm(ActionForm):
    case_number = forms.CharField(label=_("Nomor perkara"), max_length=100)
    filed_on = _date(_("Tanggal registrasi sengketa"))
    outcome = forms.ChoiceField(
        label=_("Putusan"),
        choices=[("", _("Belum diputus")), *DisputeOutcome.choices],
        required=False,
    )
    decided_on = _date(_("Tanggal putusan"), required=False)
    note = _text(_("Catatan"), required=False, rows=3)

    def __init__(self, *args, objection=None, **kwargs):
        super().__init__(*args, **kwargs)
        dispute = getattr(objection, "dispute", None) if objection else None
        if dispute is not None:  # recording the outcome of a known dispute
            for name in self.fields:
                self.fields[name].initial = getattr(dispute, name)
