"""Models of the indexing side: the outbox, what was last indexed, extracted text.

Imported by ``search/models.py`` (app label ``public_search``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["BuiltDocument", "DocumentText", "IndexedState", "SearchOutbox"]


class SearchOutbox(models.Model):
    """One pending change per indexed object, written in the transaction that made
    the change and removed by the drain once Elasticsearch has it.

    ``version`` (µs since the epoch, only ever increasing for a key) is sent to
    Elasticsearch as an external version, so an older write can never replace a
    newer one, whatever order the workers run in.
    """

    object_key = models.CharField(_("kunci objek"), max_length=64, unique=True)
    version = models.BigIntegerField(_("versi"))
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    available_at = models.DateTimeField(_("siap diproses pada"), db_index=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("antrean indeks pencarian")
        verbose_name_plural = _("antrean indeks pencarian")

    def __str__(self):
        return f"{self.object_key}@{self.version}"


class IndexedState(models.Model):
    """What the public index last received for an object, shown to editors."""

    object_key = models.CharField(_("kunci objek"), max_length=64, unique=True)
    version = models.BigIntegerField(_("versi"))
    present = models.BooleanField(_("ada di indeks"), default=True)
    indexed_at = models.DateTimeField(_("diindeks pada"))

    class Meta:
        verbose_name = _("status indeks pencarian")
        verbose_name_plural = _("status indeks pencarian")

    def __str__(self):
        return f"{self.object_key}@{self.version}"


class DocumentText(models.Model):
    """Text extracted from an attached PDF/Office file, so a reindex does not parse
    every file again. ``source`` names the stored file the text came from; ``sha256``
    lets a re-upload of the same bytes reuse the text. A file refused by a limit or
    unreadable has no text, a status and a reason."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    STATUS_CHOICES = [
        ("ok", _("terbaca")),
        ("refused", _("ditolak: melebihi batas")),
        ("failed", _("gagal dibaca")),
    ]

    source = models.CharField(max_length=400)
    sha256 = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    # Why there is no text, for the editor (shown on the document's edit screen);
    # ``error`` is the technical detail, for the log.
    status = models.CharField(
        _("status teks"), max_length=16, choices=STATUS_CHOICES, default="ok"
    )
    reason = models.CharField(_("alasan"), max_length=300, blank=True)
    error = models.TextField(blank=True)
    # The limits a refusal was decided under: raising them reads the file again.
    limits = models.CharField(max_length=200, blank=True)
    extracted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("teks dokumen")
        verbose_name_plural = _("teks dokumen")

    def __str__(self):
        return f"{self.document_id}: {len(self.text)} chars"


class BuiltDocument(models.Model):
    """The last search document built for a page, kept so a full reindex can resend
    it instead of rebuilding it (see ``search/indexing/stored.py``). Derived data:
    dropping every row only makes the next reindex slower."""

    object_key = models.CharField(max_length=64, unique=True)
    # The page's own publish time (µs) when it was built: the reindex reuses a
    # document only for the same page version and the same builder fingerprint.
    page_version = models.BigIntegerField()
    fingerprint = models.CharField(max_length=32)
    document = models.JSONField()
    built_at = models.DateTimeField()

    class Meta:
        verbose_name = _("dokumen pencarian tersimpan")
        verbose_name_plural = _("dokumen pencarian tersimpan")

    def __str__(self):
        return f"{self.object_key}@{self.page_version}"
