"""Citizens' reports (pengaduan, aspirasi, permintaan informasi) and their history.

State changes live in ``services.py`` (one transition table); reads that decide who
sees what live in ``selectors.py``. Identity fields of an ``anonim`` report are
always blank; those of a ``rahasia`` report are shown only to the verification team.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .regions import REGIONS
from .uploads import private_storage

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DESCRIPTION_MAX = 5000


class Kind(models.TextChoices):
    PENGADUAN = "pengaduan", _("Pengaduan")
    ASPIRASI = "aspirasi", _("Aspirasi")
    INFORMASI = "informasi", _("Permintaan informasi")


class Privacy(models.TextChoices):
    BIASA = "biasa", _("Biasa")
    ANONIM = "anonim", _("Anonim")
    RAHASIA = "rahasia", _("Rahasia")


class Status(models.TextChoices):
    BARU = "baru", _("Baru")
    PERLU_INFO = "perlu_info", _("Perlu informasi tambahan")
    DISPOSISI = "disposisi", pgettext_lazy("status laporan", "Disposisi")
    TINDAK_LANJUT = "tindak_lanjut", _("Tindak lanjut")
    SELESAI = "selesai", _("Selesai")
    ARSIP = "arsip", _("Arsip")
    SPAM = "spam", _("Spam")
    BUKAN_KEWENANGAN = (
        "bukan_kewenangan",
        pgettext_lazy("status laporan", "Bukan kewenangan"),
    )
    DIGABUNG = "digabung", _("Digabung")


class Source(models.TextChoices):
    PORTAL = "portal", _("Portal")
    API = "api", _("API")
    OPEN311 = "open311", _("Open311")
    ADMIN = "admin", _("Admin")


class ActorRole(models.TextChoices):
    PELAPOR = "pelapor", _("Pelapor")
    VERIFIKATOR = "verifikator", _("Verifikator")
    OPD = "opd", _("OPD")
    SISTEM = "sistem", _("Sistem")


class Action(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("riwayat laporan", "Laporan diterima")
    INFO_REQUESTED = "info_requested", _("Informasi tambahan diminta")
    REPORTER_REPLIED = "reporter_replied", _("Pelapor menjawab")
    DISPOSED = "disposed", _("Diteruskan ke OPD")
    RESPONDED = "responded", _("Tanggapan pertama")
    PROGRESS = "progress", _("Perkembangan tindak lanjut")
    RESOLVED = "resolved", _("Selesai ditindaklanjuti")
    CONFIRMED = "confirmed", _("Dikonfirmasi pelapor")
    CLOSED_AUTO = "closed_auto", _("Ditutup otomatis")
    REOPENED = "reopened", _("Dibuka kembali")
    ARCHIVED = "archived", _("Diarsipkan")
    SPAM = "spam", _("Ditandai spam")
    NOT_AUTHORITY = (
        "not_authority",
        pgettext_lazy("riwayat laporan", "Bukan kewenangan"),
    )
    MERGED = "merged", _("Digabungkan")
    FOLLOWUP_PUBLISHED = "followup_published", _("Tindak lanjut diterbitkan")
    FOLLOWUP_WITHDRAWN = "followup_withdrawn", _("Tindak lanjut ditarik")


class Category(models.Model):
    """An admin-editable category; its default OPD is suggested at disposition."""

    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("keterangan"), blank=True)
    default_opd = models.ForeignKey(
        "opd.OPDPage",
        verbose_name=_("OPD bawaan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(_("aktif"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("kategori aduan")
        verbose_name_plural = _("kategori aduan")

    def __str__(self):
        return self.name


class Report(models.Model):
    tracking_code = models.CharField(
        _("kode lacak"), max_length=11, unique=True, editable=False
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    category = models.ForeignKey(
        Category,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(
        _("uraian"),
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    region = models.CharField(_("kabupaten/kota"), max_length=5, choices=REGIONS)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    privacy = models.CharField(
        _("kerahasiaan"), max_length=10, choices=Privacy.choices, default="biasa"
    )
    reporter_name = models.CharField(_("nama pelapor"), max_length=200, blank=True)
    reporter_email = models.EmailField(_("surel pelapor"), blank=True, db_index=True)
    reporter_phone = models.CharField(
        _("telepon pelapor"), max_length=30, blank=True, db_index=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default="baru"
    )
    source = models.CharField(
        _("kanal"), max_length=10, choices=Source.choices, default="portal"
    )
    submitted_at = models.DateTimeField(_("diterima"), default=timezone.now)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    verify_due = models.DateField(_("batas verifikasi"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    close_due = models.DateField(_("batas penutupan"), null=True, blank=True)
    reopen_due = models.DateField(_("batas buka kembali"), null=True, blank=True)
    reopened = models.BooleanField(_("pernah dibuka kembali"), default=False)
    # The next deadline (public.next_deadline), stored by every transition
    # (deadlines.set_due_on) so the queues filter and sort by it with an index.
    due_on = models.DateField(_("batas waktu berikutnya"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("dikonfirmasi pelapor"), null=True, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("digabung ke"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    referral = models.TextField(_("rujukan"), blank=True)
    reply_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # salted_hmac of the client address: rate limits and duplicates, never the IP.
    client_ip_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        indexes = [
            models.Index(fields=["status", "verify_due"]),
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["status", "close_due"]),
            # "Semua" lists newest first across every status (bench-complaints).
            models.Index(
                fields=["-submitted_at", "id"], name="complaints_report_newest"
            ),
            # "terlambat" (due_on < a date) and the deadline ordering; most
            # reports are finished (no deadline) and stay out of it.
            models.Index(
                fields=["due_on"],
                name="complaints_report_due_on",
                condition=models.Q(due_on__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.tracking_code} {self.title}"


class Disposition(models.Model):
    """A report handed to one OPD; re-disposition deactivates, never deletes."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="dispositions"
    )
    opd = models.ForeignKey(
        "opd.OPDPage",
        verbose_name=_("OPD"),
        on_delete=models.PROTECT,
        related_name="complaint_dispositions",
    )
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    disposed_at = models.DateTimeField(default=timezone.now)
    active = models.BooleanField(default=True)
    first_response_due = models.DateField(_("batas tanggapan pertama"))
    first_response_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["disposed_at", "pk"]
        verbose_name = _("disposisi")
        verbose_name_plural = _("disposisi")
        indexes = [models.Index(fields=["opd", "active"])]

    def __str__(self):
        return f"{self.report_id} -> {self.opd_id}"


class TimelineEntry(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="timeline"
    )
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_role = models.CharField(max_length=12, choices=ActorRole.choices)
    action = models.CharField(max_length=20, choices=Action.choices)
    message = models.TextField(blank=True)
    public = models.BooleanField(default=True)
    opd = models.ForeignKey(
        "opd.OPDPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A system-written entry's template key and facts (cms.complaints.timeline):
    # shown in the reader's language; empty for what people typed.
    facts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("riwayat laporan")
        verbose_name_plural = _("riwayat laporan")

    def __str__(self):
        return f"{self.report_id} {self.action}"


def attachment_path(instance, filename):
    return f"{instance.report.tracking_code}/{filename}"


class Attachment(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="attachments"
    )
    entry = models.ForeignKey(
        TimelineEntry, null=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField(
        storage=private_storage, upload_to=attachment_path, max_length=255
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
