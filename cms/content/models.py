"""Content page types. Every item lives under an OPD page in the tree.

``ContentPage`` is concrete (multi-table) so listings across all types are one query
on one table, with the OPD denormalised for filtering. Each subclass has a short
``type_code`` used by the importer, the API and search.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.core.ownership import OPDOwnedMixin
from cms.core.visibility import only_public
from cms.series.models import SeriesPage

from .blocks import RICH_TEXT_FEATURES, BodyBlock, InfographicImagesBlock
from .forms import ContentPageForm, FollowUpPageForm
from .preview import OPD_SITE_MODE, serve_opd_site_preview


class ContentTag(TaggedItemBase):
    content_object = ParentalKey(
        "content.ContentPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ContentPageQuerySet(PageQuerySet):
    """Shapes of item querysets that pages and selectors share (the public rule is
    applied by the caller, through ``cms.core.visibility``)."""

    def for_listing(self):
        """With what a listing shows fetched in a fixed number of queries (the
        caller adds image renditions, which depend on its sizes)."""
        topics = ContentTag.objects.select_related("tag")
        return self.select_related("opd", "series").prefetch_related(
            Prefetch("tagged_items", queryset=topics)
        )

    def in_series_order(self):
        return self.order_by("series_order", "publish_date", "id")


class ContentPage(OPDOwnedMixin, Page):
    """What every item shares: OPD, date, summary, topics, hero, related items."""

    type_code = ""
    # The importer creates pages of this type (see ``IMPORTABLE_TYPES``).
    importable = True
    # A new one opens with an empty paragraph block (types whose body is the text).
    starts_with_paragraph = True

    objects = PageManager.from_queryset(ContentPageQuerySet)()

    # Indexed: every listing (portal, API, feeds) is newest first.
    publish_date = models.DateTimeField(
        _("tanggal terbit"), default=timezone.now, db_index=True
    )
    summary = models.TextField(_("ringkasan"), max_length=500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("teks alternatif gambar utama"),
        max_length=300,
        blank=True,
        help_text=_("Jelaskan isi gambar untuk pembaca layar."),
    )
    tags = ClusterTaggableManager(
        through=ContentTag, blank=True, verbose_name=_("topik")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi"))
    series = models.ForeignKey(
        "series.SeriesPage",
        verbose_name=_("seri"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        help_text=_("Gabungkan butir ini ke seri milik OPD mana pun."),
    )
    series_order = models.PositiveIntegerField(_("urutan dalam seri"), default=0)
    serta_merta = models.BooleanField(
        _("informasi serta merta"),
        default=False,
        help_text=_(
            "Informasi yang mengancam hajat hidup orang banyak (bencana, wabah): "
            "boleh diterbitkan segera, ditinjau sesudahnya."
        ),
    )
    request_featuring = models.BooleanField(
        _("usulkan tampil di beranda provinsi"),
        default=False,
        help_text=_("Perlu persetujuan kedua dari tim komunikasi provinsi."),
    )

    base_form_class = ContentPageForm
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("opd"),
        index.FilterField("publish_date"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("publish_date"), FieldPanel("summary"), FieldPanel("tags")],
            heading=_("informasi utama"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")],
            heading=_("gambar utama"),
        ),
    ]
    trailing_panels = [
        InlinePanel("related_links", heading=_("konten terkait"), label=_("tautan")),
        MultiFieldPanel(
            [FieldPanel("series"), FieldPanel("series_order")], heading=_("seri")
        ),
        MultiFieldPanel(
            [FieldPanel("serta_merta"), FieldPanel("request_featuring")],
            heading=_("penyebaran"),
        ),
        HelpPanel(template="search/admin/status_panel.html", heading=_("pencarian")),
    ]
    parent_page_types = ["opd.OPDPage"]
    subpage_types: list[str] = []
    is_creatable = False

    class Meta:
        verbose_name = _("konten")
        verbose_name_plural = _("konten")

    @property
    def preview_modes(self):
        # The portal first: Wagtail's workflow views preview in the first mode.
        return [("", _("Portal provinsi")), (OPD_SITE_MODE, _("Situs OPD"))]

    def serve_preview(self, request, mode_name):
        if mode_name == OPD_SITE_MODE:
            return serve_opd_site_preview(self, request)
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        """What an item page shows around the item: its series (only if public,
        with the neighbours in it), related pages and more from the same OPD."""
        context = super().get_context(request, *args, **kwargs)
        series = None
        if self.series_id:
            series = only_public(SeriesPage.objects.filter(pk=self.series_id)).first()
        context["public_series"] = series
        if series is not None:
            neighbours = only_public(series.items.in_series_order())
            # series_id too: the related manager sets each item's ``series`` from
            # it, and a deferred one costs a query per item of the series.
            order = list(neighbours.only("pk", "title", "url_path", "series_id"))
            index = next((i for i, p in enumerate(order) if p.pk == self.pk), None)
            if index is not None:
                context["series_position"] = index + 1
                context["series_total"] = len(order)
                context["series_previous"] = order[index - 1] if index else None
                following = order[index + 1 : index + 2]
                context["series_next"] = following[0] if following else None
        targets = self.related_links.values("target_id")
        context["related_pages"] = only_public(Page.objects.filter(pk__in=targets))
        context["more_from_opd"] = (
            only_public(ContentPage.objects.for_listing())
            .filter(opd_id=self.opd_id)
            .exclude(pk=self.pk)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-publish_date")[:3]
        )
        return context

    def needs_province_curation(self) -> bool:
        return self.request_featuring or bool(
            self.series_id and self.series.province_curated
        )

    @classmethod
    def panels_with(cls, *panels):
        """Shared head, the type's own panels, then the shared tail."""
        return ContentPage.content_panels + list(panels) + ContentPage.trailing_panels


class RelatedLink(Orderable):
    page = ParentalKey(
        ContentPage, related_name="related_links", on_delete=models.CASCADE
    )
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("target")]


class NewsPage(ContentPage):
    """Rilis / berita: a press release or news story."""

    type_code = "rilis"
    content_panels = ContentPage.panels_with(FieldPanel("body"))

    class Meta:
        verbose_name = _("rilis berita")
        verbose_name_plural = _("rilis berita")


class ArticlePage(ContentPage):
    type_code = "artikel"
    author_name = models.CharField(_("penulis"), max_length=200, blank=True)
    content_panels = ContentPage.panels_with(
        FieldPanel("author_name"), FieldPanel("body")
    )

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikel")


class AnnouncementPage(ContentPage):
    """Pengumuman / agenda, optionally an event with a date and a place."""

    type_code = "pengumuman"
    event_start = models.DateTimeField(_("mulai acara"), null=True, blank=True)
    event_end = models.DateTimeField(_("selesai acara"), null=True, blank=True)
    location = models.CharField(_("tempat"), max_length=300, blank=True)

    search_fields = ContentPage.search_fields + [index.SearchField("location")]
    content_panels = ContentPage.panels_with(
        MultiFieldPanel(
            [
                FieldPanel("event_start"),
                FieldPanel("event_end"),
                FieldPanel("location"),
            ],
            heading=_("agenda"),
        ),
        FieldPanel("body"),
    )

    class Meta:
        verbose_name = _("pengumuman/agenda")
        verbose_name_plural = _("pengumuman/agenda")


class InfographicPage(ContentPage):
    """Image(s) with a full text alternative, for screen readers and search."""

    type_code = "infografis"
    starts_with_paragraph = False
    images = StreamField(InfographicImagesBlock(), blank=True, verbose_name=_("gambar"))
    text_alternative = RichTextField(
        _("teks alternatif lengkap"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Seluruh isi infografis dalam bentuk teks."),
    )

    search_fields = ContentPage.search_fields + [index.SearchField("text_alternative")]
    content_panels = ContentPage.panels_with(
        FieldPanel("images"), FieldPanel("text_alternative"), FieldPanel("body")
    )

    class Meta:
        verbose_name = _("infografis")
        verbose_name_plural = _("infografis")


class VideoPage(ContentPage):
    """Short video: an uploaded file or a YouTube/Instagram embed."""

    type_code = "video"
    starts_with_paragraph = False
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    embed_url = models.URLField(_("tautan YouTube/Instagram"), blank=True)
    duration = models.DurationField(_("durasi"), null=True, blank=True)
    captions_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas takarir (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = RichTextField(_("transkrip"), blank=True, features=RICH_TEXT_FEATURES)

    search_fields = ContentPage.search_fields + [index.SearchField("transcript")]
    content_panels = ContentPage.panels_with(
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("embed_url"),
                FieldPanel("duration"),
                FieldPanel("captions_file"),
            ],
            heading=_("video"),
        ),
        FieldPanel("transcript"),
        FieldPanel("body"),
    )

    class Meta:
        verbose_name = _("video pendek")
        verbose_name_plural = _("video pendek")


class PodcastPage(ContentPage):
    """Siniar (podcast) episode."""

    type_code = "podcast"
    starts_with_paragraph = False
    audio_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas audio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration = models.DurationField(_("durasi"), null=True, blank=True)
    show_notes = RichTextField(
        _("catatan episode"), blank=True, features=RICH_TEXT_FEATURES
    )
    transcript = RichTextField(_("transkrip"), blank=True, features=RICH_TEXT_FEATURES)

    search_fields = ContentPage.search_fields + [
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
    ]
    content_panels = ContentPage.panels_with(
        FieldPanel("audio_file"),
        FieldPanel("duration"),
        FieldPanel("show_notes"),
        FieldPanel("transcript"),
    )

    class Meta:
        verbose_name = _("siniar")
        verbose_name_plural = _("siniar")


class PublicationPage(ContentPage):
    """Dokumen / publikasi: a downloadable document with a description."""

    type_code = "dokumen"
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_panels = ContentPage.panels_with(FieldPanel("document"), FieldPanel("body"))

    class Meta:
        verbose_name = _("dokumen/publikasi")
        verbose_name_plural = _("dokumen/publikasi")


class FollowUpPage(ContentPage):
    """Tindak lanjut aduan: a resolved citizen report, published anonymised.

    Made only by ``cms.complaints.publication`` when the verification team approves
    the text; never imported, never created in the page editor, and edited there
    only by that team (its form asks the ``clean_followup_page`` hooks). ``report``
    and the report's tracking code are never shown on any public surface.
    """

    type_code = "tindak-lanjut"
    importable = False
    starts_with_paragraph = False

    category_name = models.CharField(_("kategori aduan"), max_length=120)
    # The kabupaten/kota name only: never an address or coordinates.
    region = models.CharField(_("kabupaten/kota"), max_length=100)
    received_on = models.DateField(_("laporan diterima"))
    resolved_on = models.DateField(_("laporan diselesaikan"), null=True, blank=True)
    text = models.TextField(_("tindak lanjut"), max_length=10000)
    report = models.OneToOneField(
        "complaints.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followup_page",
        editable=False,
    )

    base_form_class = FollowUpPageForm
    search_fields = ContentPage.search_fields + [index.SearchField("text")]
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("text")]
    exclude_fields_in_copy = ["report"]
    is_creatable = False

    class Meta:
        verbose_name = _("tindak lanjut aduan")
        verbose_name_plural = _("tindak lanjut aduan")


CONTENT_TYPES: dict[str, type[ContentPage]] = {
    model.type_code: model
    for model in (
        NewsPage,
        ArticlePage,
        AnnouncementPage,
        InfographicPage,
        VideoPage,
        PodcastPage,
        PublicationPage,
        FollowUpPage,
    )
}
# What the importer may create: a follow-up comes only from the verification
# team's approval, whatever door a record arrives through.
IMPORTABLE_TYPES = {
    code: model for code, model in CONTENT_TYPES.items() if model.importable
}
