"""Webhook endpoints of OPD websites and the deliveries sent to them.

A delivery row is the outbox: it is written in the transaction that published the
page, so a rolled-back publish leaves nothing to send, and a worker or Redis outage
loses nothing (the periodic sweep sends what is due).
"""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .targets import validate_webhook_url


class Event(models.TextChoices):
    PUBLISHED = "content.published", _("Konten terbit")
    UPDATED = "content.updated", _("Konten diperbarui")
    UNPUBLISHED = "content.unpublished", _("Konten ditarik")
    DELETED = "content.deleted", _("Konten dihapus")
    REPORT_SUBMITTED = "report.submitted", _("Aduan diterima")
    REPORT_VERIFIED = "report.verified", _("Aduan didisposisikan")
    REPORT_INFO_REQUESTED = "report.info_requested", _("Aduan perlu informasi")
    REPORT_RESPONDED = "report.responded", _("Aduan ditanggapi")
    REPORT_RESOLVED = "report.resolved", _("Aduan selesai")
    REPORT_CLOSED = "report.closed", _("Aduan ditutup")
    REPORT_REOPENED = "report.reopened", _("Aduan dibuka kembali")
    REPORT_REJECTED = "report.rejected", _("Aduan ditolak")


def all_events() -> list[str]:
    return [event.value for event in Event]


def new_secret() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


class WebhookEndpoint(models.Model):
    """A URL of one OPD's website that wants to hear about its content."""

    opd = models.ForeignKey(
        "opd.OPDPage",
        verbose_name=_("OPD"),
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
    )
    name = models.CharField(_("nama"), max_length=100)
    url = models.URLField(
        _("URL penerima"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("Alamat HTTPS di situs OPD yang menerima POST dari Sipanganten."),
    )
    secret = models.CharField(
        _("rahasia penandatanganan"), max_length=100, default=new_secret, editable=False
    )
    event_types = models.JSONField(_("jenis peristiwa"), default=all_events)
    active = models.BooleanField(
        _("aktif"),
        default=True,
        help_text=_(
            "Endpoint nonaktif tidak dicatat untuk peristiwa baru; kiriman yang "
            "masih menunggu ditahan sampai diaktifkan lagi."
        ),
    )
    consecutive_failures = models.PositiveIntegerField(
        _("gagal beruntun"), default=0, editable=False
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("endpoint webhook")
        verbose_name_plural = _("endpoint webhook")
        ordering = ["opd__title", "name"]

    def __str__(self):
        return f"{self.name} ({self.url})"

    def wants(self, event: str) -> bool:
        return event in (self.event_types or [])


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    SUCCEEDED = "succeeded", _("Berhasil")
    FAILED = "failed", _("Gagal, akan dicoba lagi")
    ABANDONED = "abandoned", _("Dihentikan")


# Statuses a worker may still send.
SENDABLE = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)


class WebhookDelivery(models.Model):
    """One event for one endpoint, with the outcome of its attempts."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    delivery_id = models.UUIDField(
        _("ID kiriman"), default=uuid.uuid4, unique=True, editable=False
    )
    event = models.CharField(_("peristiwa"), max_length=40, choices=Event.choices)
    # Plain ids, not foreign keys: a deleted page keeps its deliveries. One of
    # them is set: a page for content.* events, a report for report.* events.
    page_id = models.PositiveIntegerField(_("ID halaman"), null=True, db_index=True)
    report_id = models.PositiveIntegerField(_("ID aduan"), null=True, db_index=True)
    payload = models.JSONField(_("muatan"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_status_code = models.PositiveSmallIntegerField(
        _("kode status terakhir"), null=True, blank=True
    )
    last_error = models.TextField(_("galat terakhir"), blank=True)
    response_excerpt = models.TextField(_("cuplikan tanggapan"), blank=True)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True)
    # A worker holds the row while it sends (lease; a crashed worker's row returns).
    locked_until = models.DateTimeField(null=True, editable=False)
    # When a queued task is expected to pick the row up; the sweep re-queues rows
    # whose task is overdue (lost with Redis, or never enqueued).
    queued_for = models.DateTimeField(null=True, editable=False)
    last_attempt_at = models.DateTimeField(_("percobaan terakhir"), null=True)
    redelivery_of = models.ForeignKey(
        "self",
        verbose_name=_("kiriman ulang dari"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="redeliveries",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(_("terkirim"), null=True)

    class Meta:
        verbose_name = _("kiriman webhook")
        verbose_name_plural = _("kiriman webhook")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_due_idx")
        ]

    def __str__(self):
        return f"{self.event} #{self.page_id or self.report_id} → {self.endpoint_id}"
