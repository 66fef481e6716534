"""The site tree's upper levels: the province portal root and one page per OPD.

These pages list what sits below them (items, series, DIP entries), so this module
imports those apps' selectors; none of them imports it back.
"""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.content.selectors import public_items, public_items_for_listing
from cms.core.forms import MediaScopedPageForm
from cms.core.visibility import only_public
from cms.dip.models import DIPIndexPage, Kategori
from cms.dip.selectors import public_dip_entries
from cms.series.selectors import public_series

from . import blocks


class ProvinceHomePage(Page):
    """Root of the citizens' portal; every OPD hangs under it."""

    intro = models.TextField(_("pengantar"), blank=True)
    serta_merta_days = models.PositiveSmallIntegerField(
        _("lama tampil informasi serta merta (hari)"),
        default=7,
        help_text=_(
            "Informasi serta merta tampil di spanduk peringatan beranda selama "
            "sekian hari sejak terbit."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_series",
            heading=_("seri pilihan"),
            label=_("seri"),
            help_text=_("Dipilih tim komunikasi provinsi; tampil di beranda."),
        ),
        FieldPanel("serta_merta_days"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["opd.OPDPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_items"] = (
            public_items_for_listing()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-publish_date")[:12]
        )
        context["serta_merta"] = self.current_serta_merta()
        context["featured_series"] = self.public_featured_series()
        context["opd_count"] = only_public(OPDPage.objects.all()).count()
        return context

    def public_featured_series(self) -> list:
        """The series the province team chose, in their order; drafts and private
        series are skipped even if chosen."""
        chosen = list(self.featured_series.values_list("series_id", flat=True))
        found = public_series().filter(pk__in=chosen).select_related("cover_image")
        by_id = {series.pk: series for series in found}
        return [by_id[pk] for pk in chosen if pk in by_id]

    def current_serta_merta(self) -> list:
        """Serta-merta information (UU 14/2008 art. 10) still current: items marked
        serta merta and DIP entries of that category, published in the last
        ``serta_merta_days`` days, newest first."""
        since = timezone.now() - timedelta(days=self.serta_merta_days)
        items = list(
            public_items()
            .filter(serta_merta=True, publish_date__gte=since)
            .select_related("opd")
            .order_by("-publish_date")[:5]
        )
        for item in items:
            item.shown_date = item.publish_date
        entries = list(
            public_dip_entries()
            .filter(kategori=Kategori.SERTA_MERTA, first_published_at__gte=since)
            .select_related("opd")
            .order_by("-first_published_at")[:5]
        )
        for entry in entries:
            entry.shown_date = entry.first_published_at
        both = sorted(items + entries, key=lambda e: e.shown_date, reverse=True)
        return both[:5]

    class Meta:
        verbose_name = _("beranda provinsi")
        verbose_name_plural = _("beranda provinsi")


class FeaturedSeries(Orderable):
    """A series shown on the province home page, chosen by the province team."""

    page = ParentalKey(
        ProvinceHomePage, related_name="featured_series", on_delete=models.CASCADE
    )
    series = models.ForeignKey(
        "series.SeriesPage",
        verbose_name=_("seri"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("series")]

    class Meta(Orderable.Meta):
        verbose_name = _("seri pilihan")
        verbose_name_plural = _("seri pilihan")


class OPDKind(models.TextChoices):
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    BIRO = "biro", _("Biro")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    SATPOL_PP = "satpol_pp", _("Satuan Polisi Pamong Praja")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    RSUD = "rsud", _("Rumah Sakit Umum Daerah")


class OPDPage(Page):
    """One regional agency. Its slug is the OPD's short code (``diskominfo``)."""

    type_code = "opd"

    short_name = models.CharField(_("nama singkat"), max_length=60)
    kind = models.CharField(_("jenis"), max_length=20, choices=OPDKind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    profile = RichTextField(_("profil"), blank=True)
    tupoksi = RichTextField(_("tugas pokok dan fungsi"), blank=True)
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    social_links = StreamField(
        [("link", blocks.SocialLinkBlock())], blank=True, verbose_name=_("media sosial")
    )
    ppid_name = models.CharField(_("nama PPID pelaksana"), max_length=200, blank=True)
    ppid_email = models.EmailField(_("surel PPID"), blank=True)
    ppid_phone = models.CharField(_("telepon PPID"), max_length=60, blank=True)
    preview_url = models.URLField(
        _("alamat pratinjau di situs OPD"),
        blank=True,
        help_text=_(
            "Halaman situs web OPD yang menampilkan draf lewat API pratinjau. "
            "Pratinjau 'Situs OPD' membukanya dengan ?token=…&id=…."
        ),
    )

    # Set by ``cms.opd.access.opd_access_ensure`` when the OPD is created.
    editor_group = models.ForeignKey(
        "auth.Group",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewer_group = models.ForeignKey(
        "auth.Group",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    exempt_collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = MediaScopedPageForm
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("profile"),
        index.SearchField("tupoksi"),
        index.FilterField("kind"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("short_name"), FieldPanel("kind"), FieldPanel("logo")],
            heading=_("identitas"),
        ),
        FieldPanel("profile"),
        FieldPanel("tupoksi"),
        InlinePanel("leaders", heading=_("pimpinan"), label=_("pejabat")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("social_links"),
            ],
            heading=_("kontak"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ppid_name"),
                FieldPanel("ppid_email"),
                FieldPanel("ppid_phone"),
            ],
            heading=_("PPID pelaksana"),
        ),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("preview_url")], heading=_("situs web OPD"))
    ]
    parent_page_types = ["opd.ProvinceHomePage"]
    subpage_types = [
        "content.NewsPage",
        "content.ArticlePage",
        "content.AnnouncementPage",
        "content.InfographicPage",
        "content.VideoPage",
        "content.PodcastPage",
        "content.PublicationPage",
        "series.SeriesPage",
        "dip.DIPIndexPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = (
            public_items_for_listing()
            .filter(opd=self)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-publish_date", "-pk")
        )
        page_obj = Paginator(items, 12).get_page(request.GET.get("halaman"))
        context["page_obj"] = page_obj
        context["latest_items"] = page_obj.object_list
        context["leaders"] = self.leaders.select_related("photo")
        context["dip_index"] = only_public(DIPIndexPage.objects.child_of(self)).first()
        context["series_list"] = public_series().child_of(self).order_by("title")
        return context

    class Meta:
        verbose_name = _("OPD")
        verbose_name_plural = _("OPD")

    def __str__(self):
        return self.title


class OPDLeader(Orderable):
    page = ParentalKey(OPDPage, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("nama"), max_length=200)
    position = models.CharField(_("jabatan"), max_length=200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("photo")]

    class Meta(Orderable.Meta):
        verbose_name = _("pimpinan")
        verbose_name_plural = _("pimpinan")
