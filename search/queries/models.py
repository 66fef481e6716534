"""Models of the query side: best bets (promoted results) and the query log.

Imported by ``search/models.py`` (app label ``public_search``).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from . import bet_keys
from .keys import query_key

__all__ = ["BestBet", "SearchQueryStat"]


class BestBetQuerySet(models.QuerySet):
    def in_force(self):
        now = timezone.now()
        return self.filter(active=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class BestBet(models.Model):
    """A page an editor pins at the top of the results for one exact query.

    Save through ``save()`` (the admin does): it tells the searches' per-process
    set of keys (``bet_keys.py``); a queryset ``update``/``bulk_create`` does not.
    """

    query = models.CharField(
        _("kata kunci"),
        max_length=200,
        db_index=True,
        help_text=_(
            "Ditampilkan bila pencarian persis kata kunci ini (huruf besar/kecil dan "
            "tanda baca diabaikan)."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)
    expires_at = models.DateTimeField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila tidak berakhir."),
    )

    objects = BestBetQuerySet.as_manager()

    panels = [
        FieldPanel("query"),
        FieldPanel("page"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        verbose_name = _("hasil unggulan")
        verbose_name_plural = _("hasil unggulan")
        ordering = ["query", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["query", "page"], name="public_search_bestbet_query_page"
            )
        ]

    def __str__(self):
        return f"{self.query} → {self.page_id}"

    def save(self, *args, **kwargs):
        self.query = query_key(self.query)
        super().save(*args, **kwargs)
        # Searches read the keys of best bets from a per-process set.
        bet_keys.changed()


class SearchQueryStat(models.Model):
    """How often a query was searched on one day, and how often it found nothing.

    Deliberately anonymous: no IP address, user, session or time of day is stored,
    and long digit runs (NIK, telephone numbers) are masked before saving.
    """

    query = models.CharField(_("kata kunci"), max_length=200)
    date = models.DateField(_("tanggal"))
    count = models.PositiveIntegerField(_("jumlah pencarian"), default=0)
    zero_result_count = models.PositiveIntegerField(_("tanpa hasil"), default=0)

    class Meta:
        verbose_name = _("statistik pencarian")
        verbose_name_plural = _("statistik pencarian")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "date"], name="public_search_querystat_query_date"
            )
        ]
        indexes = [models.Index(fields=["date"], name="public_search_qstat_date")]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.count})"
