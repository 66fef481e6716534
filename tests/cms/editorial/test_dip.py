"""DIP (UU 14/2008): for an exempted entry only the fact of the exemption is public;
its documents are withheld from everyone who cannot edit them."""

import pytest
from django.urls import reverse

from cms.dip.models import DIPEntryPage, DIPIndexPage
from tests.factories import DocumentFactory, UserFactory

from .admin_forms import add_url, dip_entry_form, edit_url, form_errors

pytestmark = pytest.mark.django_db

LEGAL_BASIS = "Pasal 17 huruf h angka 2 UU 14/2008"
SECRET = "Riwayat penyakit pasien per kecamatan"


@pytest.fixture
def dinkes(opds):
    return opds["dinkes"]


@pytest.fixture
def dip_index(dinkes):
    return DIPIndexPage.objects.child_of(dinkes).get()


@pytest.fixture
def publish_entry(client, dinkes, dip_index):
    """A reviewer of Dinkes publishes a DIP entry through the admin."""
    reviewer = UserFactory(opd=dinkes, role="reviewer")

    def publish(title, **fields):
        client.force_login(reviewer)
        data = dip_entry_form(title, **fields)
        data["action-publish"] = "1"
        response = client.post(add_url(DIPEntryPage, dip_index), data)
        assert response.status_code == 302, form_errors(response)
        client.logout()
        entry = DIPEntryPage.objects.get(slug=data["slug"])
        assert entry.live
        return entry

    return publish


@pytest.fixture
def exempted(dinkes, publish_entry):
    document = DocumentFactory(
        collection=dinkes.collection,
        title="Rekap rekam medis 2025",
        content=b"%PDF-1.4 uji\n",
    )
    entry = publish_entry(
        "Rekam medis pasien",
        kategori="dikecualikan",
        ringkasan=SECRET,
        dasar_hukum=LEGAL_BASIS,
        documents=[document],
    )
    return entry, document


def _serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def _download(client, document):
    response = client.get(_serve_url(document))
    body = b"".join(response.streaming_content) if response.streaming else b""
    return response.status_code, body


def test_exempted_entry_shows_only_the_fact_of_the_exemption(
    client, dip_index, exempted
):
    entry, document = exempted
    for url in (dip_index.url, entry.url):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Rekam medis pasien" in html and LEGAL_BASIS in html
        assert SECRET not in html
        assert "Rekap rekam medis 2025" not in html
        assert _serve_url(document) not in html
        assert f"/dokumen/{document.pk}/" not in html


def test_exempted_document_is_served_only_to_its_opds_people(
    client, opds, dinkes, exempted
):
    _entry, document = exempted
    assert _serve_url(document).startswith("/dokumen/")
    assert _download(client, document)[0] == 404

    client.force_login(UserFactory(opd=opds["bpbd"], role="editor"))
    assert _download(client, document)[0] == 404

    for user in (UserFactory(opd=dinkes, role="editor"), UserFactory(role="province")):
        client.force_login(user)
        assert _download(client, document) == (200, b"%PDF-1.4 uji\n")


def test_exempted_document_in_the_restricted_collection_is_withheld(
    client, dinkes, publish_entry
):
    document = DocumentFactory(
        collection=dinkes.exempt_collection,
        title="Berkas sengketa",
        content=b"%PDF-1.4 uji\n",
    )
    publish_entry(
        "Berkas sengketa",
        kategori="dikecualikan",
        dasar_hukum=LEGAL_BASIS,
        documents=[document],
    )
    assert _download(client, document) == (404, b"")
    client.force_login(UserFactory(opd=dinkes, role="reviewer"))
    assert _download(client, document)[0] == 200


def test_berkala_document_is_public(client, dinkes, publish_entry):
    document = DocumentFactory(
        collection=dinkes.collection,
        title="Laporan keuangan 2025",
        content=b"%PDF-1.4 uji\n",
    )
    entry = publish_entry(
        "Laporan keuangan",
        kategori="berkala",
        ringkasan="LRA dan neraca",
        documents=[document],
    )
    html = client.get(entry.url).content.decode()
    assert "LRA dan neraca" in html and _serve_url(document) in html
    assert _download(client, document) == (200, b"%PDF-1.4 uji\n")


def test_exempted_entry_needs_a_legal_basis(client, dinkes, dip_index):
    client.force_login(UserFactory(opd=dinkes, role="editor"))
    data = dip_entry_form("Tanpa dasar", kategori="dikecualikan", ringkasan="x")
    response = client.post(add_url(DIPEntryPage, dip_index), data)

    assert response.status_code == 200
    assert "wajib mencantumkan dasar hukum" in form_errors(response)
    assert not DIPEntryPage.objects.filter(slug="tanpa-dasar").exists()


def test_document_added_to_an_exempted_entry_in_a_draft_is_withheld(
    client, dinkes, exempted
):
    """``document_is_withheld`` promises "draft or live": a PPID officer attaching a
    new document to a live exempted entry and saving a draft for review must not
    make that document downloadable by anyone while the review is pending."""
    entry, first = exempted
    added = DocumentFactory(
        collection=dinkes.collection,
        title="Lampiran rahasia baru",
        content=b"%PDF-1.4 uji\n",
    )
    client.force_login(UserFactory(opd=dinkes, role="editor"))
    data = dip_entry_form(
        entry.title,
        slug=entry.slug,
        kategori="dikecualikan",
        ringkasan=SECRET,
        dasar_hukum=LEGAL_BASIS,
        documents=[first, added],
    )
    assert client.post(edit_url(entry), data).status_code == 302
    client.logout()

    assert _download(client, added)[0] == 404
