"""The editable search vocabulary (synonyms, abbreviations, protected words).

Imported by ``search/models.py`` (app label ``public_search``). Query-time synonyms
take effect within seconds of saving (see ``search.language.vocabulary``); a change
to ``protect_from_stemming`` changes how documents are indexed and needs a reindex.
Imports only the layers below the analysis (``normalize``, ``vocabulary``).
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .normalize import normalize
from .vocabulary import Entry, split_lines, vocabulary_changed

__all__ = ["SearchTerm"]


def _after_commit_reload() -> None:
    # After commit: other processes must not reload before the rows are visible.
    transaction.on_commit(vocabulary_changed)


class SearchTermQuerySet(models.QuerySet):
    """Bulk writes (the snippet admin's bulk delete, scripts) reload the vocabulary
    like single saves do."""

    def delete(self):
        result = super().delete()
        _after_commit_reload()
        return result

    def update(self, **kwargs):
        result = super().update(**kwargs)
        _after_commit_reload()
        return result

    def bulk_create(self, *args, **kwargs):
        result = super().bulk_create(*args, **kwargs)
        _after_commit_reload()
        return result


class SearchTerm(models.Model):
    term = models.CharField(
        _("istilah"),
        max_length=100,
        unique=True,
        help_text=_(
            "Singkatan atau kata yang dicari warga, mis. PPID atau Dinkes. "
            "Disimpan dalam huruf kecil tanpa tanda baca."
        ),
    )
    expansions = models.TextField(
        _("padanan"),
        blank=True,
        help_text=_(
            "Satu frasa per baris. Berlaku dua arah: mencari istilah juga mencari "
            "padanannya, dan mencari sebuah padanan juga mencari istilah ini."
        ),
    )
    one_way_expansions = models.TextField(
        _("perluasan satu arah"),
        blank=True,
        help_text=_(
            "Satu frasa per baris. Hanya ditambahkan ketika istilah ini sendiri "
            "dicari, tidak sebaliknya (mis. ASN juga mencari PNS dan PPPK)."
        ),
    )
    protect_from_stemming = models.BooleanField(
        _("lindungi dari pemotongan imbuhan"),
        default=False,
        help_text=_(
            "Untuk singkatan dan nama (mis. Diskominfo, Dispora) agar tidak diubah "
            "menjadi kata dasar yang keliru. Perubahan ini baru berlaku penuh "
            "setelah indeks pencarian dibangun ulang."
        ),
    )
    notes = models.TextField(_("catatan"), blank=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("expansions"),
        FieldPanel("one_way_expansions"),
        FieldPanel("protect_from_stemming"),
        FieldPanel("notes"),
    ]

    objects = SearchTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("istilah pencarian")
        verbose_name_plural = _("istilah pencarian")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs) -> None:
        # Normalised like the query, so "Satpol PP" and "satpol-pp" are one term.
        self.term = normalize(self.term)
        super().save(*args, **kwargs)
        _after_commit_reload()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _after_commit_reload()
        return result

    def clean(self) -> None:
        super().clean()
        self.term = normalize(self.term)
        if not self.term:
            raise ValidationError({"term": _("Istilah harus berisi huruf atau angka.")})

    def to_entry(self) -> Entry:
        return Entry(
            term=self.term,
            expansions=split_lines(self.expansions),
            one_way=split_lines(self.one_way_expansions),
            protect=self.protect_from_stemming,
        )
