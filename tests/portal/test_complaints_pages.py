"""The citizens' complaint pages through the Django test client, as a browser
without JavaScript uses them: /lapor/ (multipart form), the receipt, /lapor/lacak/
and the reporter's secret link page; abuse guards (honeypot, rate limits,
near-duplicates); and "pengaduan" searches leading to /lapor/."""

import itertools
import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cms.complaints import services
from cms.complaints.models import Report
from cms.complaints.stats import CACHE_KEY
from tests.factories import picture_bytes
from tests.factories.complaints import add_category, add_report, liaison_of

from .helpers import html_of, soup

pytestmark = pytest.mark.django_db

_addresses = itertools.count(1)


@pytest.fixture
def client():
    """A browser at an address of its own: the rate-limit counters live in the
    shared Redis and must not carry over from other tests."""
    n = next(_addresses)
    return Client(REMOTE_ADDR=f"198.51.{uuid.uuid4().int % 250}.{n % 250 + 1}")


@pytest.fixture
def category(db):
    return add_category("Jalan dan jembatan")


def jpeg(name="jalan.jpg"):
    data = picture_bytes(64, 48, (10, 120, 200), image_format="JPEG")
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def form_data(category, **overrides) -> dict:
    email = f"warga-{uuid.uuid4().hex[:8]}@example.org"
    data = {
        "kind": "pengaduan",
        "category": str(category.pk),
        "title": "Jalan berlubang di depan SDN 2 Cipocok",
        "description": f"Lubang besar di tengah jalan sejak sebulan lalu ({email}).",
        "region": "36.73",
        "address": "Jl. Syech Nawawi Al Bantani",
        "latitude": "-6.120000",
        "longitude": "106.150000",
        "privacy": "biasa",
        "reporter_name": "Budi Santoso",
        "reporter_email": email,
        "reporter_phone": "",
        "consent": "on",
        "situs_web": "",
    }
    data.update(overrides)
    return data


def parse(response) -> BeautifulSoup:
    """The page whatever its status (error pages are pages too)."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_never_stored(response):
    control = response["Cache-Control"]
    assert "no-store" in control and "private" in control, control


def test_report_form_lists_active_categories_and_regions(client, category):
    add_category("Kategori lama", active=False)
    response = client.get("/lapor/")
    page = soup(response)
    options = [o.get_text() for o in page.select("#id_category option")]
    assert "Jalan dan jembatan" in options and "Kategori lama" not in options
    assert len(page.select("#id_region option")) == 9  # placeholder + 8
    assert "Jenis laporan" in page.select_one("fieldset legend").get_text()
    assert page.select_one("input[name=csrfmiddlewaretoken]")
    honeypot = page.select_one("input[name=situs_web]")
    assert honeypot["tabindex"] == "-1" and honeypot["autocomplete"] == "off"
    assert page.select_one("#id_attachments")["accept"].startswith(".jpg")
    assert_never_stored(response)
    # "Gunakan lokasi saya": geolocation for this page only.
    assert "geolocation=(self)" in response["Permissions-Policy"]
    assert "geolocation=()" in client.get("/lapor/lacak/")["Permissions-Policy"]


def test_submit_without_javascript_then_receipt_and_follow(client, category):
    data = form_data(category, attachments=[jpeg()])
    response = client.post("/lapor/", data)  # multipart, as the browser sends it

    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get()
    assert response["Location"] == f"/lapor/terkirim/{report.tracking_code}/"
    assert report.attachments.count() == 1
    assert report.reporter_email == data["reporter_email"]
    assert report.source == "portal"

    receipt = client.get(response["Location"])
    text = html_of(receipt)
    assert report.tracking_code in text and "Simpan kode ini" in text
    assert "3 hari kerja" in text
    assert "/lapor/balas/" not in text  # emailed, not shown
    assert_never_stored(receipt)

    page = soup(client.get(f"/lapor/lacak/?kode={report.tracking_code.lower()}"))
    assert page.select_one(".code").get_text() == report.tracking_code
    assert "Budi Santoso" not in page.get_text()
    assert data["reporter_email"] not in page.get_text()


def test_phone_only_reporter_sees_the_secret_link_once(client, category):
    data = form_data(category, reporter_email="", reporter_phone="0812 3456 7890")
    location = client.post("/lapor/", data)["Location"]
    first = soup(client.get(location))
    link = first.select_one(".secret-link a")["href"]
    assert "/lapor/balas/" in link
    assert "/lapor/balas/" not in html_of(client.get(location))

    reply_page = client.get(link.split("testserver", 1)[-1])
    assert "Lubang besar" in html_of(reply_page)
    assert reply_page["Referrer-Policy"] == "strict-origin"
    assert_never_stored(reply_page)


def test_another_browser_gets_the_tracking_page_not_the_receipt(client, category):
    location = client.post("/lapor/", form_data(category))["Location"]
    code = location.rstrip("/").rsplit("/", 1)[-1]
    other = Client(REMOTE_ADDR="203.0.113.77")
    assert other.get(location)["Location"] == f"/lapor/lacak/?kode={code}"


def test_anonymous_report_stores_no_identity(client, category):
    data = form_data(category, privacy="anonim", reporter_phone="0812345678")
    response = client.post("/lapor/", data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter_name, report.reporter_email, report.reporter_phone) == (
        "",
        "",
        "",
    )
    assert "/lapor/balas/" in html_of(client.get(response["Location"]))


def test_field_errors_link_from_the_summary_and_keep_what_was_typed(client, category):
    data = form_data(category, title="", description="Terlalu pendek", consent="")
    data["category"] = ""
    data["attachments"] = [jpeg()]
    response = client.post("/lapor/", data)
    assert response.status_code == 400
    page = parse(response)
    links = {a["href"] for a in page.select(".error-summary a")}
    assert {"#id_category", "#id_title", "#id_description", "#id_consent"} <= links
    title = page.select_one("#id_title")
    assert title["aria-invalid"] == "true"
    assert title["aria-describedby"] == "hint-title err-title"
    assert page.select_one("#hint-title").get_text().startswith("Ringkas")
    assert page.select_one("#err-title")
    # What was typed stays; files must be chosen again, and the page says so.
    assert page.select_one("#id_description").get_text().strip() == "Terlalu pendek"
    assert page.select_one("#id_address")["value"] == data["address"]
    assert "pilih ulang lampiran" in page.get_text()
    assert not Report.objects.exists()


def test_contact_required_unless_anonymous(client, category):
    data = form_data(category, reporter_email="", reporter_phone="", reporter_name="")
    page = client.post("/lapor/", data).content.decode()
    assert "Isi surel atau nomor telepon Anda (atau pilih anonim)." in page
    assert "Nama pelapor wajib diisi" in page
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reporter_phone": "------"}, "reporter_phone"),
        ({"reporter_email": "bukan surel"}, "reporter_email"),
        ({"latitude": "-6.900000", "longitude": "107.600000"}, "longitude"),  # Bandung
        ({"latitude": "", "longitude": "106.150000"}, "latitude"),
        ({"title": "Jln"}, "title"),
    ],
)
def test_the_shared_rules_name_the_field(client, category, change, field):
    """The form answers with cms.complaints.rules' own messages, on the field."""
    response = client.post("/lapor/", form_data(category, **change))
    assert response.status_code == 400
    assert parse(response).select_one(f"#err-{field}")
    assert not Report.objects.exists()


def test_refused_attachment_is_named(client, category):
    html = SimpleUploadedFile(
        "foto.jpg", b"<html><script>x</script></html>", "image/jpeg"
    )
    response = client.post("/lapor/", form_data(category, attachments=[html]))
    assert response.status_code == 400
    assert "foto.jpg" in parse(response).select_one("#err-attachments").get_text()
    assert not Report.objects.exists()


def test_honeypot_answers_like_success_and_stores_nothing(client, category):
    response = client.post("/lapor/", form_data(category, situs_web="http://spam"))
    assert response.status_code == 200
    assert "Laporan Anda sudah kami terima" in response.content.decode()
    assert not Report.objects.exists()


def submit_rates(settings, **rates):
    """The complaint budgets (shared with the API and Open311), set small."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            **rates,
        },
    }


def test_rate_limit_per_address_keeps_the_form(client, category, settings):
    submit_rates(settings, report_submit="2/hour")
    for n in range(2):
        data = form_data(category, title=f"Laporan berbeda nomor {n} di jalan")
        assert client.post("/lapor/", data).status_code == 302
    data = form_data(category, title="Laporan ketiga yang ditolak sementara")
    response = client.post("/lapor/", data)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Terlalu banyak laporan" in text
    assert 'value="Laporan ketiga yang ditolak sementara"' in text
    assert Report.objects.count() == 2


def test_rate_limit_per_email(category, settings):
    submit_rates(settings, report_submit_email="1/day")
    email = f"sering-{uuid.uuid4().hex[:6]}@example.org"
    first = Client(REMOTE_ADDR=f"192.0.2.{uuid.uuid4().int % 250 + 1}")
    second = Client(REMOTE_ADDR=f"2001:db8:1::{uuid.uuid4().hex[:4]}")
    data = form_data(category, reporter_email=email)
    assert first.post("/lapor/", data).status_code == 302
    other = form_data(category, reporter_email=email, title="Laporan lain sama sekali")
    other["description"] = "Lampu jalan padam di seluruh ruas sejak pekan lalu."
    assert second.post("/lapor/", other).status_code == 429


def test_near_duplicate_points_to_the_first_code(client, category):
    data = form_data(category)
    client.post("/lapor/", data)
    first = Report.objects.get()
    response = client.post("/lapor/", data)
    assert response.status_code == 409
    assert first.tracking_code in response.content.decode()
    assert "tautan rahasia yang kami kirim ke surel Anda" in response.content.decode()
    assert Report.objects.count() == 1


def test_near_duplicate_without_email_points_to_the_receipt(client, category):
    data = form_data(category, privacy="anonim", reporter_name="", reporter_email="")
    assert client.post("/lapor/", data).status_code == 302
    response = client.post("/lapor/", data)
    assert response.status_code == 409
    text = response.content.decode()
    assert "ditampilkan pada tanda terima" in text
    assert "kami kirim ke surel" not in text


# --- following a report -------------------------------------------------------------


@pytest.fixture
def handled(opds):
    """Returns a factory of reports disposed to Dinkes with a public response and
    an internal note."""

    def make(privacy):
        dinkes = opds["dinkes"]
        report = add_report(
            opds=[dinkes],
            privacy=privacy,
            reporter_name="Siti Rahasia" if privacy != "anonim" else "",
            reporter_email="siti.rahasia@example.org" if privacy != "anonim" else "",
        )
        nakes = liaison_of(dinkes)
        services.respond(report, nakes, dinkes, "Petugas sudah ke lokasi.")
        services.respond(report, nakes, dinkes, "Catatan internal OPD", public=False)
        report.refresh_from_db()
        return report, nakes, dinkes

    return make


@pytest.mark.parametrize("privacy", ["rahasia", "anonim"])
def test_tracking_shows_public_timeline_only(client, handled, privacy):
    report, nakes, dinkes = handled(privacy)
    response = client.get(f"/lapor/lacak/?kode={report.tracking_code}")
    text = soup(response).get_text(" ")
    assert "Petugas sudah ke lokasi." in text
    assert dinkes.title in text  # disposed to, and who answered
    assert "Tindak lanjut" in text  # the status
    for secret in (
        "Catatan internal OPD",
        "Siti Rahasia",
        "siti.rahasia@",
        nakes.username,
        report.title,  # the citizen's own text: Open311 lists every code
    ):
        assert secret not in text
    assert_never_stored(response)


def test_tracking_deadline_in_working_days(client, opds):
    report = add_report(opds=[opds["dinkes"]])
    text = soup(client.get(f"/lapor/lacak/?kode={report.tracking_code}")).get_text()
    assert re.search(r"sisa \d+ hari kerja|jatuh tempo hari ini", text)


def test_unknown_code_and_bad_format(client):
    unknown = client.get("/lapor/lacak/?kode=22222-22222")
    assert unknown.status_code == 404
    assert "Laporan tidak ditemukan" in unknown.content.decode()
    bad = client.get("/lapor/lacak/?kode=halo")
    assert bad.status_code == 400
    assert 'href="#id_kode"' in bad.content.decode()


def test_code_guessing_is_rate_limited(client, settings):
    settings.COMPLAINTS_RATE_LOOKUP = "2/h"
    report = add_report()
    for _ in range(2):
        assert client.get("/lapor/lacak/?kode=22222-22223").status_code == 404
    blocked = client.get(f"/lapor/lacak/?kode={report.tracking_code}")
    assert blocked.status_code == 429
    assert "Terlalu banyak pencarian kode" in blocked.content.decode()


# --- the reporter's secret link -----------------------------------------------------


def test_reply_with_message_and_file(client, opds):
    report = add_report(opds=[opds["dinkes"]])
    url = f"/lapor/balas/{report.token}/"
    data = {"tindakan": "balas", "message": "Foto tambahan dari sisi utara."}
    response = client.post(url, {**data, "attachments": [jpeg("utara.jpg")]})
    assert response.status_code == 302 and response["Location"] == url
    page = html_of(client.get(url))
    assert report.title in page  # the reporter's own page: the title too
    assert "Foto tambahan dari sisi utara." in page
    assert "Balasan Anda sudah terkirim." in page
    assert report.attachments.filter(entry__action="reporter_replied").count() == 1


def _resolved(opds):
    handled = add_report(opds=[opds["dinkes"]])
    nakes = liaison_of(opds["dinkes"])
    services.respond(handled, nakes, opds["dinkes"], "Sudah diperbaiki.")
    services.resolve(handled, nakes, "Lubang sudah ditambal.")
    return handled


def test_confirm_resolution(client, opds):
    report = _resolved(opds)
    url = f"/lapor/balas/{report.token}/"
    page = soup(client.get(url))
    assert page.find("button", string=re.compile("sudah selesai"))
    client.post(url, {"tindakan": "konfirmasi"})
    report.refresh_from_db()
    assert report.confirmed_at is not None
    assert "Dikonfirmasi pelapor" in html_of(client.get(url))


def test_after_confirming_the_reporter_is_not_asked_to_confirm_again(client, opds):
    report = _resolved(opds)
    url = f"/lapor/balas/{report.token}/"
    client.post(url, {"tindakan": "konfirmasi"})
    track = f"/lapor/lacak/?kode={report.tracking_code}"
    for page in (html_of(client.get(url)), html_of(client.get(track))):
        assert "Konfirmasi atau buka kembali oleh pelapor" not in page
        assert "Diarsipkan" in page  # what still happens, and when


def test_reopen_needs_a_reason_then_reopens(client, opds):
    report = _resolved(opds)
    url = f"/lapor/balas/{report.token}/"
    refused = client.post(url, {"tindakan": "buka", "reason": ""})
    assert refused.status_code == 400
    assert 'href="#id_reason"' in refused.content.decode()
    client.post(
        url, {"tindakan": "buka", "reason": "Lubang muncul lagi setelah hujan."}
    )
    report.refresh_from_db()
    assert report.reopened and report.status == "tindak_lanjut"
    assert "Buka kembali" not in html_of(client.get(url))


def test_unknown_token_is_not_found(client):
    response = client.get("/lapor/balas/bukan-token-yang-sah/")
    assert response.status_code == 404
    # Says what is wrong and how to go on, not the site's generic "not found".
    page = response.content.decode()
    assert "Tautan ini tidak dikenal" in page
    assert 'href="/lapor/lacak/"' in page
    assert response["Referrer-Policy"] == "strict-origin"
    assert_never_stored(response)


# --- finding the channel --------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["pengaduan", "lapor", "aduan jalan rusak", "Keluhan"]
)
def test_complaint_searches_lead_to_the_form(client, home, query):
    page = soup(client.get("/cari/", {"q": query}))
    promo = page.select_one(".service-promo")
    assert promo is not None and promo.select_one("a[href='/lapor/']")


def test_document_searches_get_no_promotion(client, home):
    page = soup(client.get("/cari/", {"q": "laporan keuangan"}))
    assert page.select_one(".service-promo") is None


def test_header_and_footer_link_to_the_form(client, home):
    page = soup(client.get("/cari/"))
    assert page.select_one("nav.main-nav a[href='/lapor/']")
    assert page.select_one("footer a[href='/lapor/']")


def test_form_in_english(client, category, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = soup(client.get("/lapor/"))
    assert "Type of report" in page.select_one("fieldset legend").get_text()
    assert page.find("html")["lang"] == "en"


# Indonesian words every complaints page uses in its own labels: none may be left
# on a page read in English. Timeline messages are left out: people's own are shown
# as typed (system-written ones are checked in test_timeline_english.py).
INDONESIAN = (
    "laporan", "pengaduan", "aspirasi", "hari kerja", "perangkat daerah", "wajib",
    "kirim", "lacak", "tanggapan", "diteruskan", "statistik", "pelapor", "surel",
    "kerahasiaan", "tindak lanjut", "selesai", "belum", "sisa", "diterima",
)  # fmt: skip


def english_text(client, url) -> str:
    page = soup(client.get(url))
    assert page.find("html")["lang"] == "en"
    for free_text in page.select(".timeline-message"):
        free_text.decompose()
    return " ".join(page.get_text(" ").split())


def test_complaint_pages_fully_in_english(client, category, opds, settings):
    cache.delete(CACHE_KEY)  # the statistics page caches its figures
    report = add_report(opds=[opds["dinkes"]])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    pages = {
        "/lapor/": ("Type of report", "Suggestion", "Send report"),
        "/lapor/lacak/": ("Track a report", "Tracking code"),
        f"/lapor/lacak/?kode={report.tracking_code}": (
            "Report history",
            "Forwarded to the agency",
            "Handled by",
        ),
        "/lapor/statistik/": (
            "Complaint statistics",
            "By regional agency",
            "First response on time",
        ),
    }
    for url, labels in pages.items():
        text = english_text(client, url)
        for label in labels:
            assert label in text, (url, label)
        left = [w for w in INDONESIAN if re.search(rf"\b{w}\b", text, re.I)]
        assert not left, (url, left, text)
    tracked = english_text(client, f"/lapor/lacak/?kode={report.tracking_code}")
    assert re.search(r"\d+ working days? left|due today", tracked)
    cache.delete(CACHE_KEY)
