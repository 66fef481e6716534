"""The leaks the sweep found, each on its own (quicker to read when one comes back):
a rich-text link naming a private or withheld document's file, a body's document
title left in the search index when the document is made private or withheld (also
by a pending draft), and "did you mean" offering a word only deleted documents held.
"""

import pytest

from cms.content.models import PublicationPage
from cms.dip.models import DIPDocument
from search.indexing.keys import page_key
from search.indexing.models import SearchOutbox
from search.queries import suggest
from tests.factories import DocumentFactory, add_dip_entry, add_item

pytestmark = pytest.mark.django_db


def _linking(opd, document, title="Berita lampiran"):
    link = f'<a linktype="document" id="{document.pk}">unduh</a>'
    return add_item(
        opd,
        title,
        body=[
            {"type": "paragraph", "value": f"<p>Lihat {link}</p>"},
            {"type": "document", "value": document.pk},
        ],
    )


def _outbox_keys() -> set[str]:
    return set(SearchOutbox.objects.values_list("object_key", flat=True))


def test_a_rich_text_link_to_a_private_document_has_no_address(client, opds):
    opd = opds["dinkes"]
    document = DocumentFactory(
        name="daftar-penerima.pdf", collection=opd.exempt_collection
    )
    page = _linking(opd, document)
    html = client.get(page.url).content.decode()
    assert "unduh" in html
    assert "daftar-penerima" not in html
    body = client.get(f"/api/v1/content/{page.pk}/").content.decode()
    assert "daftar-penerima" not in body


def test_a_document_moved_into_a_private_collection_reindexes_its_body_pages(opds):
    opd = opds["dinkes"]
    document = DocumentFactory(collection=opd.collection)
    page = _linking(opd, document)
    SearchOutbox.objects.all().delete()
    document.collection = opd.exempt_collection
    document.save()
    assert page_key(page.pk) in _outbox_keys()


def test_a_draft_exempting_an_entry_reindexes_pages_using_its_documents(opds):
    opd = opds["dinkes"]
    document = DocumentFactory()
    body_page = _linking(opd, document)
    publication = add_item(opd, "Kajian", model=PublicationPage, document=document)
    entry = add_dip_entry(opd, "Kajian keamanan", tahun=2024)
    SearchOutbox.objects.all().delete()
    entry.kategori = "dikecualikan"
    entry.dasar_hukum = "Pasal 17 huruf a UU 14/2008"
    entry.documents.add(DIPDocument(document=document))
    entry.save_revision()  # not published
    assert {page_key(body_page.pk), page_key(publication.pk)} <= _outbox_keys()


def test_did_you_mean_offers_no_word_only_deleted_documents_hold():
    options = [{"text": "bocorkoleksi", "score": 0.9, "freq": 1}]
    entry = {"text": "bocorkolek", "offset": 0, "length": 10, "options": options}
    response = {"dym_title": [entry], "dym_body": [entry]}
    assert "bocorkoleksi" in suggest.ambiguous_words(response)
    # The index's live documents do not hold it: no correction.
    assert suggest.corrected_query("bocorkolek", response, {"bocorkoleksi"}) is None
    assert suggest.corrected_query("bocorkolek", response) == "bocorkoleksi"
