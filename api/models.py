"""What the API keeps of its own: tombstones of content that left the public site,
so an OPD mirror syncing with ``updated_since`` also learns what to drop."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TombstoneReason(models.TextChoices):
    UNPUBLISHED = "unpublished", _("tidak diterbitkan lagi")
    DELETED = "deleted", _("dihapus")
    PRIVATE = "private", _("dijadikan privat")
    MOVED = "moved", _("pindah ke OPD lain")


class ContentTombstone(models.Model):
    """One row per content item that is no longer public (the latest reason wins).

    Written by ``api.tombstones`` in the same transaction as the change; removed
    again when the item becomes public (it then shows up in ``updated_since``). A
    move to another OPD leaves one for the old OPD (``opd_slug``) while the item
    stays public under the new one.
    """

    page_id = models.PositiveIntegerField(_("id konten"), unique=True)
    opd_slug = models.CharField(_("OPD"), max_length=255, blank=True, db_index=True)
    type_code = models.CharField(_("jenis"), max_length=20)
    reason = models.CharField(_("alasan"), max_length=20, choices=TombstoneReason)
    removed_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("nisan konten")
        verbose_name_plural = _("nisan konten")

    def __str__(self):
        return f"{self.page_id} ({self.reason})"


class StoredDetail(models.Model):
    """The detail JSON of one content item, rendered once per live revision.

    What the item itself says (body, images, documents, tags, OPD, series) is
    rendered when first asked for and kept, like the search index keeps a document
    per page; what depends on other things (its URL, whether its series and related
    pages are public, the API host) is added per request (``api.v1.stored_details``).
    A row is used only while ``revision_id`` is the page's live revision and the page
    passes the visibility rule in the same query; changes that alter the rendering
    without a new revision (an image replaced, an OPD renamed, a linked page moved)
    delete the rows they touch in their own transaction.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="api_stored_detail",
    )
    revision_id = models.PositiveIntegerField()
    # The detail; None when only a list needed the item so far.
    data = models.JSONField(null=True)
    summary = models.JSONField(null=True)  # the item as lists show it
    related_ids = models.JSONField(default=list)  # targets of the related links
    stored_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("detail API tersimpan")
        verbose_name_plural = _("detail API tersimpan")

    def __str__(self):
        return f"{self.page_id}@{self.revision_id}"
