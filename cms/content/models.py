"""Content page types. Every item lives under an OPD page in the tree."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.opd.models import OPDPage

from .blocks import BodyBlock


class ContentTag(TaggedItemBase):
    content_object = ParentalKey(
        "content.ContentPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ContentPage(Page):
    """What every content item shares: OPD, date, summary, topics, hero image, body.

    Concrete (multi-table) rather than abstract so listings across all types are one
    query on one table, with the OPD denormalised for filtering.
    """

    opd = models.ForeignKey(
        OPDPage,
        verbose_name=_("OPD"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="content_items",
    )
    publish_date = models.DateTimeField(_("tanggal terbit"), default=timezone.now)
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
        FieldPanel("body"),
    ]
    parent_page_types = ["opd.OPDPage"]
    subpage_types: list[str] = []
    is_creatable = False

    class Meta:
        verbose_name = _("konten")
        verbose_name_plural = _("konten")

    def save(self, *args, **kwargs):
        # The OPD is wherever the page sits in the tree; keep the shortcut in step.
        if self.path:
            owner = OPDPage.objects.ancestor_of(self, inclusive=False).first()
            self.opd_id = owner.pk if owner else None
        super().save(*args, **kwargs)


class NewsPage(ContentPage):
    """Rilis / berita: a press release or news story."""

    class Meta:
        verbose_name = _("rilis berita")
        verbose_name_plural = _("rilis berita")
