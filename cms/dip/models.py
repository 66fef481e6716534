"""Daftar Informasi Publik (UU 14/2008, Perki 1/2021): one section per OPD.

An entry in the *dikecualikan* (exempted) category is public only as the fact of the
exemption: its title, legal basis and period. Its summary details and documents are
never shown or served to the public (see ``cms.core.visibility``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.core.forms import MediaScopedPageForm
from cms.core.ownership import OPDOwnedMixin
from cms.core.visibility import only_public, public_view

from .categories import Kategori
from .listing import dip_listing
from .sorting import MAX_LENGTH, natural_sort_key


class Bentuk(models.TextChoices):
    CETAK = "cetak", _("Cetak")
    ELEKTRONIK = "elektronik", _("Elektronik")
    CETAK_ELEKTRONIK = "cetak_elektronik", _("Cetak dan elektronik")


class DIPIndexPage(Page):
    """The DIP section of one OPD; created with the OPD (slug ``dip``)."""

    intro = RichTextField(_("pengantar"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["opd.OPDPage"]
    subpage_types = ["dip.DIPEntryPage"]
    # One DIP per OPD: the add-subpage chooser stops offering a second one.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("daftar informasi publik")
        verbose_name_plural = _("daftar informasi publik")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries = only_public(DIPEntryPage.objects.child_of(self))
        context["listing"] = dip_listing(entries, request.GET)
        context["groups"] = context["listing"].groups
        context["opd"] = self.get_parent().specific
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        listing = getattr(response, "context_data", {}).get("listing")
        if listing is not None and listing.errors:
            response.status_code = 400  # a bad filter, told on the page itself
        return response


class DIPEntryPage(OPDOwnedMixin, Page):
    type_code = "dip"

    kategori = models.CharField(_("kategori"), max_length=20, choices=Kategori.choices)
    nomor = models.CharField(_("nomor"), max_length=50, blank=True)
    ringkasan = models.TextField(_("ringkasan isi informasi"), blank=True)
    pejabat_penguasa = models.CharField(
        _("pejabat/unit yang menguasai informasi"), max_length=300, blank=True
    )
    penanggung_jawab = models.CharField(
        _("penanggung jawab pembuatan informasi"), max_length=300, blank=True
    )
    waktu_pembuatan = models.CharField(_("waktu pembuatan"), max_length=100, blank=True)
    tempat_pembuatan = models.CharField(
        _("tempat pembuatan"), max_length=200, blank=True
    )
    bentuk = models.CharField(
        _("bentuk informasi"),
        max_length=20,
        choices=Bentuk.choices,
        default=Bentuk.ELEKTRONIK,
    )
    retensi = models.CharField(
        _("jangka waktu penyimpanan"), max_length=100, blank=True
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    keterangan = RichTextField(_("keterangan"), blank=True)
    dasar_hukum = models.TextField(
        _("dasar hukum pengecualian"),
        blank=True,
        help_text=_(
            "Wajib untuk informasi dikecualikan (pasal UU 14/2008 dan uji konsekuensi)."
        ),
    )
    dikecualikan_sampai = models.DateField(
        _("dikecualikan sampai"),
        null=True,
        blank=True,
        help_text=_("Pengecualian tidak permanen: isi jangka waktunya."),
    )
    # The title in natural order (cms/dip/sorting.py), set by save() on every path.
    title_sort_key = models.CharField(max_length=MAX_LENGTH, editable=False, default="")

    base_form_class = MediaScopedPageForm
    search_fields = Page.search_fields + [
        index.SearchField("ringkasan"),
        index.FilterField("kategori"),
        index.FilterField("tahun"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kategori"), FieldPanel("nomor"), FieldPanel("tahun")],
            heading=_("klasifikasi"),
        ),
        FieldPanel("ringkasan"),
        MultiFieldPanel(
            [
                FieldPanel("pejabat_penguasa"),
                FieldPanel("penanggung_jawab"),
                FieldPanel("waktu_pembuatan"),
                FieldPanel("tempat_pembuatan"),
                FieldPanel("bentuk"),
                FieldPanel("retensi"),
            ],
            heading=_("atribut SLIP"),
        ),
        MultiFieldPanel(
            [FieldPanel("dasar_hukum"), FieldPanel("dikecualikan_sampai")],
            heading=_("pengecualian"),
        ),
        FieldPanel("keterangan"),
        InlinePanel("documents", heading=_("dokumen"), label=_("dokumen")),
    ]
    parent_page_types = ["dip.DIPIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("entri DIP")
        verbose_name_plural = _("entri DIP")
        # The listings' order (cms/dip/listing.py ORDER), per category as /dip/ pages.
        indexes = [
            models.Index(
                fields=["kategori", "-tahun", "title_sort_key", "page_ptr"],
                name="dip_entry_natural_order",
            )
        ]

    def save(self, *args, **kwargs):
        """Every write of the row sets the key: the admin, the importer, factories
        and a revision publish (Wagtail copies the revision onto the row, then
        saves it here)."""
        self.title_sort_key = natural_sort_key(self.title)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = [*update_fields, "title_sort_key"]
        return super().save(*args, **kwargs)

    @property
    def is_exempted(self) -> bool:
        return self.kategori == Kategori.DIKECUALIKAN

    @property
    def serta_merta(self) -> bool:
        return self.kategori == Kategori.SERTA_MERTA

    def clean(self):
        super().clean()
        if self.is_exempted and not self.dasar_hukum.strip():
            raise ValidationError(
                {
                    "dasar_hukum": _(
                        "Informasi dikecualikan wajib mencantumkan dasar hukum."
                    )
                }
            )

    def needs_province_curation(self) -> bool:
        return False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Never a document another (exempted) entry withholds, nor a private one.
        context["documents"] = public_view(request).documents_of(self)
        return context


class DIPDocument(Orderable):
    entry = ParentalKey(
        DIPEntryPage, related_name="documents", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen"),
        on_delete=models.CASCADE,
        related_name="dip_links",
    )
    panels = [FieldPanel("document")]
