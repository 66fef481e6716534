"""Public-information requests (permohonan informasi, UU 14/2008 art. 21-22),
objections (keberatan, art. 35-36) and disputes at the Komisi Informasi.

Data only: state changes live in ``services`` (and its step modules), reads that
decide who sees what in ``selectors``. The requester's identity and contacts are
never public: ``selectors.public_register`` reads none of them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (  # noqa: F401 - re-exported for callers of models
    Action,
    ActorRole,
    Decision,
    DeliveryMethod,
    DisputeOutcome,
    ObjectionOutcome,
    ObtainMethod,
    RequesterKind,
    Source,
    Status,
)
from .storage import private_storage


class RegisterCounter(models.Model):
    """The last register number handed out per year (locked while counting)."""

    year = models.PositiveIntegerField(_("tahun"), unique=True)
    last = models.PositiveIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        verbose_name = _("penghitung register")
        verbose_name_plural = _("penghitung register")

    def __str__(self):
        return f"{self.year}: {self.last}"


def _opd_fk(verbose):
    return models.ForeignKey(
        "opd.OPDPage",
        verbose_name=verbose,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


class InformationRequest(models.Model):
    register_number = models.CharField(
        _("nomor register"), max_length=20, unique=True, editable=False
    )
    year = models.PositiveIntegerField(_("tahun"), db_index=True)
    access_token_hash = models.CharField(max_length=64, db_index=True, editable=False)
    requester_kind = models.CharField(
        _("jenis pemohon"), max_length=20, choices=RequesterKind.choices
    )
    requester_name = models.CharField(_("nama pemohon"), max_length=200)
    identity_number = models.CharField(_("nomor identitas"), max_length=100)
    email = models.EmailField(_("surel"), blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    information_requested = models.TextField(_("informasi yang diminta"))
    purpose = models.TextField(_("tujuan penggunaan informasi"))
    obtain_method = models.CharField(
        _("cara memperoleh informasi"), max_length=20, choices=ObtainMethod.choices
    )
    delivery_method = models.CharField(
        _("cara mendapatkan salinan"), max_length=20, choices=DeliveryMethod.choices
    )
    addressed_opd = _opd_fk(_("ditujukan kepada"))
    assigned_opd = _opd_fk(_("OPD penguasa informasi"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DITERIMA
    )
    source = models.CharField(
        _("kanal"), max_length=10, choices=Source.choices, default=Source.PORTAL
    )
    filed_at = models.DateTimeField(_("diajukan"), default=timezone.now)
    filed_on = models.DateField(_("tanggal permohonan"))
    due_on = models.DateField(_("batas jawaban"))
    extended_at = models.DateTimeField(_("diperpanjang"), null=True, blank=True)
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decided_on = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    decision = models.CharField(
        _("keputusan"), max_length=25, choices=Decision.choices, blank=True
    )
    decision_text = models.TextField(_("jawaban"), blank=True)
    redaction_note = models.TextField(
        _("bagian yang dihitamkan dan alasannya"), blank=True
    )
    exemption_entry = models.ForeignKey(
        "dip.DIPEntryPage",
        verbose_name=_("entri DIP dikecualikan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    exemption_article = models.CharField(
        _("pasal pengecualian"), max_length=300, blank=True
    )
    consequence_test = models.TextField(_("uji konsekuensi"), blank=True)
    referral = models.TextField(_("rujukan badan publik"), blank=True)
    objection_due = models.DateField(_("batas keberatan"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        indexes = [
            models.Index(fields=["status", "due_on"], name="ppid_request_status_due"),
            models.Index(fields=["year", "status"], name="ppid_request_year_status"),
        ]

    def __str__(self):
        return self.register_number


class IdentityDocument(models.Model):
    """A badan hukum's legal document (deed, registration): identity, never public,
    kept apart from the answer documents so it can never be delivered or
    promoted into the DIP."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="identity_documents"
    )
    file = models.FileField(
        storage=private_storage, upload_to="identitas/%Y/", max_length=255
    )
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


class RequestDocument(models.Model):
    """An answer document; reaches the requester by a signed, expiring link."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(
        storage=private_storage, upload_to="jawaban/%Y/", max_length=255
    )
    name = models.CharField(_("nama"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    dip_entry = models.ForeignKey(
        "dip.DIPEntryPage",
        verbose_name=_("entri DIP"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("dokumen jawaban")
        verbose_name_plural = _("dokumen jawaban")

    def __str__(self):
        return self.name


class Objection(models.Model):
    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="objections"
    )
    filed_at = models.DateTimeField(_("diajukan"), default=timezone.now)
    filed_on = models.DateField(_("tanggal keberatan"))
    grounds = models.JSONField(_("alasan keberatan (Pasal 35 ayat 1)"), default=list)
    reason = models.TextField(_("uraian keberatan"))
    due_on = models.DateField(_("batas tanggapan atasan"))
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    answered_on = models.DateField(_("tanggal jawaban"), null=True, blank=True)
    answer_text = models.TextField(_("tanggapan atasan"), blank=True)
    outcome = models.CharField(
        _("hasil"), max_length=10, choices=ObjectionOutcome.choices, blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dispute_due = models.DateField(_("batas pengajuan sengketa"), null=True, blank=True)

    class Meta:
        ordering = ["filed_at", "pk"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")

    def __str__(self):
        return f"{self.request_id} keberatan {self.filed_on}"


class Dispute(models.Model):
    objection = models.OneToOneField(
        Objection, on_delete=models.CASCADE, related_name="dispute"
    )
    filed_on = models.DateField(_("tanggal registrasi sengketa"))
    case_number = models.CharField(_("nomor perkara"), max_length=100)
    outcome = models.CharField(
        _("putusan"), max_length=20, choices=DisputeOutcome.choices, blank=True
    )
    decided_on = models.DateField(_("tanggal putusan"), null=True, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("sengketa informasi")
        verbose_name_plural = _("sengketa informasi")

    def __str__(self):
        return self.case_number


class RequestEntry(models.Model):
    """The request's timeline; ``public`` entries are shown to the requester."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="timeline"
    )
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_role = models.CharField(max_length=15, choices=ActorRole.choices)
    action = models.CharField(max_length=20, choices=Action.choices)
    message = models.TextField(blank=True)
    public = models.BooleanField(default=True)
    # A system-written entry's template key and facts (cms.ppid.timeline): shown
    # in the reader's language; empty for what people typed.
    facts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("riwayat permohonan")
        verbose_name_plural = _("riwayat permohonan")

    def __str__(self):
        return f"{self.request_id} {self.action}"


class SentNotice(models.Model):
    """A reminder or escalation already sent: once per request, kind and deadline
    (a new deadline, after an extension, is a new notice)."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40)
    due = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "due"], name="ppid_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.request_id} {self.due}"
