"""Notifications behind the admin's bell: one row per recipient, written in the
transaction of the change (a rolled-back approval notifies nobody), rendered in the
reader's language when read (``text``)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Diajukan untuk ditinjau")
        APPROVED = "approved", _("Disetujui")
        CHANGES_REQUESTED = "changes_requested", _("Perlu perubahan")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="live_notifications",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"], name="live_notif_recipient"
            ),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="live_notif_unread",
            ),
        ]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        facts = {
            "actor": _actor_name(self.actor),
            "title": self.page.draft_title if self.page else gettext("(dihapus)"),
        }
        if self.kind == self.Kind.SUBMITTED:
            return gettext("%(actor)s mengajukan “%(title)s” untuk ditinjau") % facts
        if self.kind == self.Kind.APPROVED:
            return gettext("%(actor)s menyetujui “%(title)s”") % facts
        return gettext("%(actor)s meminta perubahan pada “%(title)s”") % facts

    @property
    def url(self) -> str:
        if self.page_id is None:
            return ""
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])


def _actor_name(user) -> str:
    if user is None:
        return gettext("Seseorang")
    return user.get_full_name() or user.get_username()
