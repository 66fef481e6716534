"""A content series: items from several OPDs joined under one theme, in order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.forms import MediaScopedPageForm
from cms.core.visibility import only_public


class SeriesPage(Page):
    """Owned by the OPD it sits under; any OPD's item may join it (``series`` FK).

    A province-curated series (e.g. "Info RB Tematik") asks the province team for a
    second approval of every item that joins it.
    """

    type_code = "seri"

    description = RichTextField(_("deskripsi"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sampul"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("teks alternatif sampul"), max_length=300, blank=True
    )
    province_curated = models.BooleanField(
        _("dikurasi provinsi"),
        default=False,
        help_text=_("Butir yang bergabung perlu persetujuan tim komunikasi provinsi."),
    )

    base_form_class = MediaScopedPageForm
    search_fields = Page.search_fields + [index.SearchField("description")]
    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("cover_image"),
        FieldPanel("cover_alt"),
        FieldPanel("province_curated"),
    ]
    parent_page_types = ["opd.OPDPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("seri")
        verbose_name_plural = _("seri")

    def needs_province_curation(self) -> bool:
        return self.province_curated

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # ``items`` is the reverse of ``ContentPage.series`` (with its queryset
        # methods): no import of the content models, which import this one.
        context["items"] = (
            only_public(self.items.for_listing())
            .in_series_order()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )
        context["opd"] = self.get_parent().specific
        return context
