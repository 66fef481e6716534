"""The citizen services read in English: what the system wrote on a timeline is
shown in the reader's language, what people typed exactly as typed, and the PPID
form carries no Indonesian label."""

import importlib
import itertools
import re
import uuid

import pytest
from django.apps import apps
from django.test import Client

from cms.complaints import services as complaints
from cms.complaints.models import TimelineEntry
from cms.ppid import services as ppid
from tests.factories.complaints import add_report, liaison_of, verifier

from .helpers import soup
from .ppid_helpers import request_data, utama

pytestmark = pytest.mark.django_db

_addresses = itertools.count(1)
TYPED = "Tim kami meninjau lokasi besok pagi."
REASON = "Dokumen sedang dikumpulkan dari tiga bidang."


@pytest.fixture
def client():
    """A browser at an address of its own (the rate-limit counters are shared)."""
    n = next(_addresses)
    return Client(REMOTE_ADDR=f"198.18.{uuid.uuid4().int % 250}.{n % 250 + 1}")


def timeline(client, url, language) -> list[str]:
    client.cookies["django_language"] = language
    page = soup(client.get(url))
    assert page.find("html")["lang"] == language
    return [m.get_text(" ", strip=True) for m in page.select(".timeline-message")]


def disposed_report(opds):
    report = add_report(opds=[opds["dinkes"]])
    complaints.respond(report, liaison_of(opds["dinkes"]), opds["dinkes"], TYPED)
    return report


def test_tracking_and_secret_pages_show_system_entries_in_english(client, opds):
    report = disposed_report(opds)
    dinkes = opds["dinkes"].title
    for url in (
        f"/lapor/lacak/?kode={report.tracking_code}",
        f"/lapor/balas/{report.token}/",
    ):
        assert timeline(client, url, "en") == [
            "Report received; awaiting verification.",
            f"Report forwarded to {dinkes}.",
            TYPED,
        ], url
        assert timeline(client, url, "id") == [
            "Laporan diterima dan menunggu verifikasi.",
            f"Laporan diteruskan kepada {dinkes}.",
            TYPED,
        ], url


def test_words_with_two_meanings_are_translated_by_their_context(client, opds):
    """ "Laporan diterima" is a timeline step and a count; "Disposisi" and "Bukan
    kewenangan" a status and more (pgettext)."""
    report = add_report(opds=[opds["dinkes"]])
    client.cookies["django_language"] = "en"
    page = soup(client.get(f"/lapor/lacak/?kode={report.tracking_code}"))
    actions = [a.get_text(strip=True) for a in page.select(".timeline-action")]
    assert actions[0] == "Report received"
    assert "Assigned to agency" in page.get_text(" ")
    stats = soup(client.get("/lapor/statistik/"))
    assert "Reports received" in [dt.get_text(strip=True) for dt in stats.select("dt")]


def test_entries_written_before_the_facts_read_in_english_too(client, opds):
    """Rows stored with only their Indonesian text (before system entries kept
    their facts) are recognised by the migration; typed ones are left alone."""
    report = add_report()
    complaints.mark_not_authority(report, verifier(), "Silakan ke Pemkab.")
    TimelineEntry.objects.filter(report=report).update(facts={})
    migration = importlib.import_module(
        "cms.complaints.migrations.0005_timelineentry_facts"
    )
    migration.backfill(apps, None)
    assert timeline(client, f"/lapor/lacak/?kode={report.tracking_code}", "en") == [
        "Report received; awaiting verification.",
        "This report is outside the remit of the Banten Provincial Government. "
        "Silakan ke Pemkab.",
    ]
    internal = TimelineEntry.objects.get(report=report, public=False)
    assert internal.facts == {} and internal.message == "Silakan ke Pemkab."


def registered_and_extended():
    """A request registered (a system entry) and extended with an officer's
    typed reason; returns (request, token)."""
    info, token = ppid.request_submit(
        data={**request_data(), "addressed_opd": None}, source="portal"
    )
    ppid.request_extend(request=info, reason=REASON, user=utama())
    info.refresh_from_db()
    return info, token


def test_requester_page_shows_system_entries_in_english(client, opds):
    info, token = registered_and_extended()
    due = info.due_on.strftime("%d-%m-%Y")
    url = f"/ppid/permohonan/{token}/"
    assert timeline(client, url, "en") == [
        f"Request registered under number {info.register_number}.",
        f"Response time extended to {due}. Reason: {REASON}",
    ]
    assert timeline(client, url, "id") == [
        f"Permohonan diregistrasi dengan nomor {info.register_number}.",
        f"Waktu jawaban diperpanjang sampai {due}. Alasan: {REASON}",
    ]


# Indonesian words the PPID form uses in its own labels and help: none may be
# left on the form read in English (OPD names in the list are proper names).
INDONESIAN = (
    "permohonan", "pemohon", "informasi", "wajib", "kirim", "surel", "alamat",
    "tujuan", "salinan", "perorangan", "kelompok", "mengambil", "pilih", "nomor",
    "hari kerja", "keberatan", "rahasia", "dengan", "atau", "yang",
)  # fmt: skip


def test_request_form_fully_in_english(client, opds):
    client.cookies["django_language"] = "en"
    page = soup(client.get("/ppid/permohonan/"))
    assert page.find("html")["lang"] == "en"
    for option in page.select("select[name=addressed_opd] option"):
        option.decompose()
    text = " ".join(page.get_text(" ").split())
    assert "Information request" in text or "information request" in text
    left = [w for w in INDONESIAN if re.search(rf"\b{w}\b", text, re.I)]
    assert not left, (left, text)
