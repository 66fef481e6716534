"""Hostile attachments (issue 11, item 7): a file over a limit, or broken, is read
by a bounded child process, refused with a reason the editor sees on the document's
edit screen, and its page is still indexed and found by its title."""

import resource
from dataclasses import replace

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from cms.content.models import PublicationPage
from search.indexing import attachments
from search.indexing.extraction import current_limits, extract_file
from search.indexing.models import DocumentText
from tests.factories import DocumentFactory, UserFactory, add_item, publish

from .helpers import docx_bytes, drain, indexed, pdf_bytes, search_keys
from .hostile_files import MB, docx_with_members, docx_with_xml, pdf_with_pages

pytestmark = pytest.mark.django_db


def _publish_with(opds, content, name, title="Rencana Strategis"):
    document = DocumentFactory(
        title="Lampiran",
        content=content,
        name=name,
        collection=opds["diskominfo"].collection,
    )
    page = add_item(opds["diskominfo"], title, model=PublicationPage, document=document)
    drain()
    return page, document


def _edit_screen(client, document) -> str:
    client.force_login(UserFactory(superuser=True))
    response = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _assert_refused(client, page, document, reason, status="refused"):
    """No text, the page still found by its title, and the editor told why."""
    stored = DocumentText.objects.get(document=document)
    assert (stored.status, stored.text) == (status, "")
    assert reason in stored.reason
    assert stored.reason.startswith("Teks dokumen tidak diindeks: ")
    assert indexed(page)["attachments"] == ""
    assert f"page:{page.pk}" in search_keys("title", "Rencana Strategis")
    assert reason in _edit_screen(client, document)


def test_docx_holding_huge_xml_is_refused_by_its_uncompressed_size(opds, client):
    # The file: a few hundred KB holding more XML than the 50 MB default.
    content = docx_with_xml(60)
    assert len(content) < MB
    page, document = _publish_with(opds, content, "lampiran.docx")
    _assert_refused(client, page, document, "ukuran isi melebihi 50 MB")


def test_zip_bomb_by_ratio_is_refused(opds, client):
    page, document = _publish_with(opds, docx_with_xml(10), "bom.docx")
    _assert_refused(client, page, document, "rasio kompresi melebihi 100:1")


def test_too_many_zip_members_are_refused(opds, client, settings):
    settings.SEARCH_EXTRACTION_MAX_MEMBERS = 100
    page, document = _publish_with(opds, docx_with_members(150), "bagian.pptx")
    _assert_refused(client, page, document, "lebih dari 100 bagian")


def test_pdf_with_too_many_pages_is_refused(opds, client):
    content = pdf_with_pages(2_001, "Halaman berulang")
    page, document = _publish_with(opds, content, "panjang.pdf")
    _assert_refused(client, page, document, "PDF lebih dari 2000 halaman")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (docx_bytes("Isi yang terpotong di tengah")[:900], "terpotong.docx"),
        (pdf_bytes("Isi terpotong")[:200], "terpotong.pdf"),
        (b"\x00\xffbukan lembar kerja", "rusak.xlsx"),
    ],
)
def test_truncated_or_corrupt_file_gets_a_clear_reason(opds, client, content, name):
    page, document = _publish_with(opds, content, name)
    _assert_refused(
        client, page, document, "berkas rusak atau formatnya", status="failed"
    )


def test_child_over_its_memory_cap_is_reported_and_the_parent_lives_on(
    opds, client, settings, tmp_path
):
    """The worker (here the test process) never parses: the child hits its own
    address-space cap, and the next file is read as usual."""
    settings.SEARCH_EXTRACTION_MAX_RATIO = 100_000
    settings.SEARCH_EXTRACTION_MEMORY_MB = 120  # ~80 MB after imports; 10 MB of XML
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    page, document = _publish_with(opds, docx_with_xml(10), "berat.docx")
    _assert_refused(client, page, document, "melebihi batas memori 120 MB")
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 100 * 1024
    normal = tmp_path / "biasa.docx"
    normal.write_bytes(docx_bytes("Berkas biasa tetap terbaca"))
    outcome = extract_file(str(normal), "docx", current_limits(1000))
    assert (outcome.status, outcome.text) == ("ok", "Berkas biasa tetap terbaca")


def test_a_child_that_cannot_even_start_within_its_cap_is_reported(tmp_path):
    path = tmp_path / "biasa.docx"
    path.write_bytes(docx_bytes("Teks biasa"))
    limits = current_limits(1000)
    tiny = replace(limits, memory_bytes=16 * MB)
    outcome = extract_file(str(path), "docx", tiny)
    assert outcome.status == "refused"
    assert "batas memori 16 MB" in outcome.reason


def test_child_over_its_time_limit_is_killed_and_reported(opds, client, settings):
    settings.SEARCH_EXTRACTION_TIMEOUT_SECONDS = 0.001  # no child starts that fast
    page, document = _publish_with(opds, pdf_bytes("Lambat sekali"), "lambat.pdf")
    _assert_refused(client, page, document, "melebihi 0.001 detik")


def test_raising_a_limit_reads_a_refused_file_again(opds, client, settings):
    settings.SEARCH_EXTRACTION_MAX_PDF_PAGES = 2
    page, document = _publish_with(
        opds, pdf_with_pages(3, "Anggaran tiga halaman"), "tiga.pdf"
    )
    _assert_refused(client, page, document, "PDF lebih dari 2 halaman")
    settings.SEARCH_EXTRACTION_MAX_PDF_PAGES = 10
    publish(page)
    drain()
    assert "tiga halaman" in indexed(page)["attachments"]
    assert "Terbaca (" in _edit_screen(client, document)


@pytest.mark.parametrize(
    ("content", "name", "word"),
    [
        (docx_bytes("Program literasi digital"), "biasa.docx", "literasi"),
        (pdf_bytes("Rencana jaringan fiber"), "biasa.pdf", "fiber"),
        (b"Daftar menara telekomunikasi", "biasa.txt", "menara"),
    ],
)
def test_normal_files_still_yield_their_text(opds, client, content, name, word):
    page, document = _publish_with(opds, content, name)
    assert word in indexed(page)["attachments"]
    assert DocumentText.objects.get(document=document).status == "ok"
    assert "Terbaca (" in _edit_screen(client, document)


def test_plain_text_is_read_only_up_to_the_cap_and_never_crashes(opds, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_CHARS", 1000)
    long_text = b"baris data " * 500_000 + b"\x00\xff\xfe akhir"
    page, document = _publish_with(opds, long_text, "besar.csv")
    text = indexed(page)["attachments"]
    assert 0 < len(text) <= 1000 and text.startswith("baris data")
    assert DocumentText.objects.get(document=document).status == "ok"


def test_file_over_the_size_cap_is_not_even_read(opds, client, settings):
    settings.SEARCH_EXTRACTION_MAX_FILE_MB = 0.5
    page, document = _publish_with(opds, b"x" * MB, "besar.txt")
    _assert_refused(client, page, document, "berkas lebih besar dari 0.5 MB")


def test_worker_processes_give_memory_back():
    from cms.celery import app

    limit = django_settings.CELERY_WORKER_MAX_MEMORY_PER_CHILD
    assert limit > 0
    assert app.conf.worker_max_memory_per_child == limit
