"""Content the public must never see, each kind marked with its own word, for leak
sweeps: drafts, withdrawn and private pages, pending draft changes over a live page,
media in private collections, exempted DIP entries and their documents (also when a
public entry, item or publication links them).

Every hidden text says ``MARKER MARKERSANDI``: a search for ``MARKER`` may echo the
query, but a hit would show ``MARKERSANDI`` too. Slugs say ``markerslug`` so that a
guessed URL may echo its own path and still not name the hidden text.
"""

from dataclasses import dataclass, field

from wagtail.models import PageViewRestriction

from cms.content.models import NewsPage, PublicationPage
from cms.dip.models import DIPDocument
from tests.search.indexing.helpers import pdf_bytes

from .media import DocumentFactory, ImageFactory
from .pages import add_dip_entry, add_item, add_series, make_private, publish

MARKERS = {
    "BOCORDRAFT": "a page, series and DIP entry never published",
    "BOCORTARIK": "a page published, then unpublished",
    "BOCORREVISI": "a pending draft change over a live page",
    "BOCORPRIVAT": "pages with a view restriction (login, password, groups)",
    "BOCORANAK": "a page below a private page",
    "BOCORKOLEKSI": "images and documents in a private collection",
    "BOCORKECUALI": "an exempted DIP entry's content and documents",
    "BOCORDOKUMEN": "a document shared by an exempted and a public entry",
    "BOCORDOKDRAF": "a document an entry exempts in a pending draft",
}


def hidden(marker: str) -> str:
    return f"{marker} {marker}SANDI"


def _slug(marker: str) -> str:
    return f"{marker.lower()}slug"


def _paragraphs(marker: str, *extra) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{hidden(marker)}</p>"}, *extra]


def _image(marker, **fields):
    return ImageFactory(
        title=hidden(marker), name=f"{marker}-{marker}SANDI.png", **fields
    )


def _document(marker, **fields):
    return DocumentFactory(
        title=hidden(marker),
        name=f"{marker}-{marker}SANDI.pdf",
        content=pdf_bytes(hidden(marker)),
        **fields,
    )


@dataclass
class HiddenContent:
    pages: list = field(default_factory=list)  # must answer 404 / ask to log in
    password_pages: list = field(default_factory=list)  # a password form (200)
    live_pages: list = field(default_factory=list)  # public, hidden parts inside
    images: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    tags: list = field(default_factory=list)  # slugs only hidden pages carry


def _hidden_page(opd, marker, **fields):
    return add_item(
        opd,
        hidden(marker),
        slug=_slug(marker),
        summary=hidden(marker),
        body=_paragraphs(marker),
        tags=[f"{marker}TAG"],
        **fields,
    )


def _drafts_and_withdrawn(opd, out):
    image = _image("BOCORDRAFT")  # uploaded for the draft only
    out.images.append(image)
    out.pages.append(
        _hidden_page(opd, "BOCORDRAFT", live=False, hero_image=image, hero_alt="x")
    )
    series = add_series(
        opd, hidden("BOCORDRAFT"), slug="bocordraftseri", live=False,
        description=f"<p>{hidden('BOCORDRAFT')}</p>",
    )  # fmt: skip
    out.pages.append(series)
    out.pages.append(
        add_dip_entry(
            opd,
            hidden("BOCORDRAFT"),
            slug="bocordraftdip",
            live=False,
            ringkasan=hidden("BOCORDRAFT"),
            tahun=2025,
        )  # fmt: skip
    )
    withdrawn = _hidden_page(opd, "BOCORTARIK")
    withdrawn.unpublish()
    out.pages.append(withdrawn)
    out.tags += ["bocordrafttag", "bocortariktag"]


def _pending_change(opd, out):
    page = add_item(opd, "Jadwal posyandu Mei", summary="Jadwal terbuka.")
    image = _image("BOCORREVISI")
    page.title = hidden("BOCORREVISI")
    page.summary = hidden("BOCORREVISI")
    page.body = _paragraphs("BOCORREVISI")
    page.hero_image = image
    page.tags.add("BOCORREVISITAG")
    page.save_revision()  # not published: the live row keeps the old text
    out.live_pages.append(page)
    out.images.append(image)
    out.tags.append("bocorrevisitag")


def _private(opd, out):
    image = _image("BOCORPRIVAT")  # used by private pages only
    out.images.append(image)
    login = _hidden_page(opd, "BOCORPRIVAT", hero_image=image, hero_alt="x")
    make_private(login)
    child = _hidden_page(login, "BOCORANAK")
    password = add_item(
        opd, hidden("BOCORPRIVAT"), slug="bocorprivatpassword",
        summary=hidden("BOCORPRIVAT"), body=_paragraphs("BOCORPRIVAT"),
    )  # fmt: skip
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    groups = add_item(
        opd, hidden("BOCORPRIVAT"), slug="bocorprivatgroups",
        summary=hidden("BOCORPRIVAT"),
    )  # fmt: skip
    restriction = PageViewRestriction.objects.create(
        page=groups, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(opd.editor_group)
    entry = add_dip_entry(
        opd, hidden("BOCORPRIVAT"), slug="bocorprivatdip", ringkasan=hidden("x")
    )
    make_private(entry)
    out.pages += [login, child, groups, entry]
    out.password_pages.append(password)
    out.tags += ["bocorprivattag", "bocoranaktag"]


def _private_collection(opd, out):
    """Media linked from a public item, publication and DIP entry, then moved into
    the OPD's private collection."""
    image = _image("BOCORKOLEKSI", collection=opd.collection)
    document = _document("BOCORKOLEKSI", collection=opd.collection)
    out.images.append(image)
    out.documents.append(document)
    link = f'<a linktype="document" id="{document.pk}">unduh</a>'
    body = [
        {"type": "paragraph", "value": f"<p>Lihat {link}</p>"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Foto", "decorative": False},
        },
        {"type": "document", "value": document.pk},
    ]
    out.live_pages.append(
        add_item(opd, "Berita dengan lampiran", body=body, hero_image=image)
    )
    out.live_pages.append(_linking_item(opd, document, "Publikasi lampiran"))
    entry = add_dip_entry(opd, "Daftar aset", tahun=2024, live=False)
    DIPDocument.objects.create(entry=entry, document=document)
    out.live_pages.append(publish(entry))

    def hide():
        for media in (image, document):
            media.collection = opd.exempt_collection
            media.save()

    return hide


def _exempted(opd, out):
    """A document of a public entry and item, later attached to an exempted entry
    too; the exempted entry's own content and documents."""
    own = _document("BOCORKECUALI", collection=opd.exempt_collection)
    shared = _document("BOCORDOKUMEN")  # in the OPD's public collection
    public = add_dip_entry(opd, "Laporan keuangan", tahun=2025, live=False)
    DIPDocument.objects.create(entry=public, document=shared)
    out.live_pages.append(publish(public))
    out.live_pages.append(_linking_item(opd, shared, "Laporan keuangan ringkas"))
    out.documents += [own, shared]

    def hide():
        exempted = add_dip_entry(
            opd, "Rencana pengamanan gedung", kategori="dikecualikan", live=False,
            ringkasan=hidden("BOCORKECUALI"), nomor="RPG-01",
            search_description=hidden("BOCORKECUALI"),
            pejabat_penguasa=hidden("BOCORKECUALI"),
            penanggung_jawab=hidden("BOCORKECUALI"),
            tempat_pembuatan=hidden("BOCORKECUALI"),
            waktu_pembuatan=hidden("BOCORKECUALI"), retensi=hidden("BOCORKECUALI"),
            keterangan=f"<p>{hidden('BOCORKECUALI')}</p>",
        )  # fmt: skip
        for document in (own, shared):
            DIPDocument.objects.create(entry=exempted, document=document)
        out.live_pages.append(publish(exempted))

    return hide


def _exempted_in_draft(opd, out):
    """A live public entry whose pending draft exempts it and attaches a document
    that a public publication links."""
    document = _document("BOCORDOKDRAF")
    entry = add_dip_entry(opd, "Kajian keamanan", tahun=2024)
    out.live_pages += [entry, _linking_item(opd, document, "Kajian ringkas")]
    out.documents.append(document)

    def hide():
        entry.kategori = "dikecualikan"
        entry.dasar_hukum = "Pasal 17 huruf a UU 14/2008"
        entry.ringkasan = hidden("BOCORDOKDRAF")
        entry.documents.add(DIPDocument(document=document))
        entry.save_revision()

    return hide


def _linking_item(opd, document, title):
    return add_item(
        opd, title, model=PublicationPage, document=document,
        body=[{"type": "document", "value": document.pk}],
    )  # fmt: skip


def add_hidden_content(opd, settle=None) -> HiddenContent:
    """Every kind of hidden content of ``MARKERS`` in ``opd``. Media and documents
    are first public and linked from public pages; ``settle`` (e.g. draining the
    search outbox) runs before they are made private or withheld, so the sweep also
    sees what was public once."""
    out = HiddenContent()
    _drafts_and_withdrawn(opd, out)
    _pending_change(opd, out)
    _private(opd, out)
    hide_later = [
        _private_collection(opd, out),
        _exempted(opd, out),
        _exempted_in_draft(opd, out),
    ]
    if settle is not None:
        settle()
    for hide in hide_later:
        hide()
    return out


def add_public_content(opds) -> None:
    """Something to see on every surface: items of each OPD with a topic, a series,
    images and documents, and DIP entries of each public category."""
    for opd in opds.values():
        image = ImageFactory(title=f"Foto {opd.slug}", collection=opd.collection)
        document = DocumentFactory(
            title=f"Laporan {opd.slug}", content=pdf_bytes(f"Laporan {opd.slug}")
        )
        series = add_series(opd, f"Seri {opd.slug}")
        add_item(
            opd, f"Berita {opd.slug}", model=NewsPage, tags=["kesehatan"],
            hero_image=image, hero_alt="Foto", series=series,
            body=[{"type": "document", "value": document.pk}],
        )  # fmt: skip
        add_item(opd, f"Publikasi {opd.slug}", model=PublicationPage, document=document)
        for kategori in ("berkala", "serta_merta", "setiap_saat"):
            add_dip_entry(opd, f"Entri {kategori} {opd.slug}", kategori=kategori)
