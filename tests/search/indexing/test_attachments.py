"""The text of attached documents is searchable, parsed once, and a broken file
never stops indexing."""

import pytest
from django.core.files.base import ContentFile

from cms.content.models import PublicationPage
from cms.dip.models import DIPDocument
from search.indexing import attachments
from search.indexing.models import DocumentText, SearchOutbox
from tests.factories import DocumentFactory, add_dip_entry, add_item, publish

from .helpers import (
    docx_bytes,
    drain,
    indexed,
    pdf_bytes,
    pptx_bytes,
    search_keys,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


def _publication(opds, document, title="Rencana Strategis"):
    return add_item(opds["diskominfo"], title, model=PublicationPage, document=document)


@pytest.mark.parametrize(
    ("extension", "content", "word"),
    [
        ("pdf", pdf_bytes("Rencana pembangunan jaringan fiber Banten"), "fiber"),
        ("docx", docx_bytes("Bab satu", "Pelatihan literasi digital desa"), "literasi"),
        ("xlsx", xlsx_bytes([["Kabupaten", "Menara"], ["Lebak", 42]]), "Lebak"),
        ("pptx", pptx_bytes("Paparan transformasi layanan"), "transformasi"),
    ],
)
def test_attachment_text_is_searchable(opds, extension, content, word):
    page = _publication(
        opds,
        DocumentFactory(
            title="Lampiran",
            content=content,
            name=f"lampiran.{extension}",
            collection=opds["diskominfo"].collection,
        ),
    )
    drain()
    assert word in indexed(page)["attachments"]
    assert f"page:{page.pk}" in search_keys("attachments", word)


def test_dip_documents_indexed_but_never_for_exempted_entries(opds):
    open_doc = DocumentFactory(
        title="LRA",
        content=pdf_bytes("Realisasi belanja modal"),
        name="lampiran.pdf",
        collection=opds["diskominfo"].collection,
    )
    secret_doc = DocumentFactory(
        title="Rahasia",
        content=pdf_bytes("Kode sandi gudang"),
        name="lampiran.pdf",
        collection=opds["diskominfo"].collection,
    )
    entry = add_dip_entry(opds["diskominfo"], "LRA 2025", live=False)
    secret = add_dip_entry(
        opds["diskominfo"], "Sandi", kategori="dikecualikan", live=False
    )
    DIPDocument.objects.create(entry=entry, document=open_doc)
    DIPDocument.objects.create(entry=secret, document=secret_doc)
    publish(entry)
    publish(secret)
    drain()
    assert "belanja modal" in indexed(entry)["attachments"]
    assert indexed(secret) is None
    assert not search_keys("attachments", "sandi")
    # Exempted documents are not even parsed.
    assert not DocumentText.objects.filter(document=secret_doc).exists()


def test_documents_the_public_cannot_download_are_not_indexed(opds):
    from wagtail.models import CollectionViewRestriction

    opd = opds["diskominfo"]
    private = DocumentFactory(
        title="Internal",
        content=pdf_bytes("Memo internal rapat"),
        name="lampiran.pdf",
        collection=opds["diskominfo"].collection,
    )
    page = _publication(opds, private, title="Memo")
    shared = DocumentFactory(
        title="Bersama",
        content=pdf_bytes("Daftar kata sandi server"),
        name="lampiran.pdf",
        collection=opds["diskominfo"].collection,
    )
    other = _publication(opds, shared, title="Publik")
    secret = add_dip_entry(opd, "Sandi", kategori="dikecualikan", live=False)
    DIPDocument.objects.create(entry=secret, document=shared)
    publish(secret)  # now withheld: the publication that links it loses its text
    restriction = CollectionViewRestriction.objects.create(
        collection=opd.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    drain()
    assert indexed(page)["attachments"] == ""
    assert indexed(other)["attachments"] == ""
    assert not search_keys("attachments", "sandi")
    restriction.delete()
    drain()
    assert "rapat" in indexed(page)["attachments"]
    assert indexed(other)["attachments"] == ""


def test_corrupt_file_is_logged_and_stored_not_fatal(opds, caplog):
    broken = DocumentFactory(
        title="Rusak",
        content=b"%PDF-1.4 bukan pdf sungguhan",
        name="lampiran.pdf",
        collection=opds["diskominfo"].collection,
    )
    page = _publication(opds, broken, title="Dokumen Rusak")
    other = add_item(opds["diskominfo"], "Rilis Biasa")
    drain()
    assert indexed(page)["attachments"] == ""
    assert indexed(other)
    stored = DocumentText.objects.get(document=broken)
    assert stored.error and stored.text == ""
    assert "Text extraction failed" in caplog.text
    assert not SearchOutbox.objects.exists()


def test_text_is_parsed_once_and_again_after_a_new_file(opds, monkeypatch):
    document = DocumentFactory(
        title="Renstra",
        content=pdf_bytes("Versi pertama"),
        name="lampiran.pdf",
        collection=opds["diskominfo"].collection,
    )
    page = _publication(opds, document)
    calls = []
    real = attachments.extract
    monkeypatch.setattr(
        attachments, "extract", lambda *a: calls.append(a[1]) or real(*a)
    )
    drain()
    publish(page)  # a second publish: same file, cached text
    drain()
    assert calls == ["pdf"]
    document.file = ContentFile(pdf_bytes("Versi kedua revisi"), name="renstra2.pdf")
    document.save()  # signals: pages using the document are re-indexed
    assert SearchOutbox.objects.filter(object_key=f"page:{page.pk}").exists()
    drain()
    assert calls == ["pdf", "pdf"]
    assert "kedua revisi" in indexed(page)["attachments"]


def test_text_is_capped(opds, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_CHARS", 50)
    document = DocumentFactory(
        title="Panjang",
        content=docx_bytes(*["kata " * 40] * 5),
        name="lampiran.docx",
        collection=opds["diskominfo"].collection,
    )
    text = attachments.document_text(document)
    assert 0 < len(text) <= 50
