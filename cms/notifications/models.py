"""The email outbox and the record of deadline reminders already sent.

An ``OutgoingEmail`` row is written before anything is sent, so a mail server or
Celery worker that is down only delays the email: the beat sweep sends every row
that is due (``outbox.emails_mark_due``). Report ids are plain integers, not
foreign keys: this app never blocks deleting or merging reports.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    SENT = "sent", _("Terkirim")
    ABANDONED = "abandoned", _("Dihentikan")


class OutgoingEmail(models.Model):
    to = models.EmailField(_("penerima"), max_length=254)
    subject = models.CharField(_("subjek"), max_length=250)
    body_text = models.TextField(_("isi teks"))
    body_html = models.TextField(_("isi HTML"), blank=True)
    kind = models.CharField(_("jenis"), max_length=40)
    report_id = models.PositiveIntegerField(_("ID aduan"), null=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EmailStatus.choices,
        default=EmailStatus.PENDING,
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True)
    # A worker holds the row while it talks to the mail server; a killed
    # worker's row is swept again once the lease has run out.
    locked_until = models.DateTimeField(null=True, editable=False)
    # When a queued task should have picked the row up; the sweep re-queues rows
    # whose task is overdue (lost with Redis, or never enqueued).
    queued_for = models.DateTimeField(null=True, editable=False)
    last_error = models.TextField(_("galat terakhir"), blank=True)

    class Meta:
        verbose_name = _("surel keluar")
        verbose_name_plural = _("surel keluar")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="email_due_idx")
        ]

    def __str__(self):
        return f"{self.kind} → {self.to}"


class SentReminder(models.Model):
    """One row per (deadline, recipient scope, day): the daily run may be repeated
    (by hand, or by a beat that fired twice) without sending twice."""

    kind = models.CharField(_("jenis"), max_length=40)
    report_id = models.PositiveIntegerField(_("ID aduan"))
    disposition_id = models.PositiveIntegerField(_("ID disposisi"), default=0)
    due = models.DateField(_("tenggat"))
    day = models.DateField(_("tanggal kirim"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "report_id", "disposition_id", "due", "day"],
                name="reminder_once_per_day",
            )
        ]

    def __str__(self):
        return f"{self.kind} #{self.report_id} ({self.day})"
