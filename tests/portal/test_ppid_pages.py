"""The PPID pages through the Django test client, as a browser without
JavaScript uses them: the request form at /ppid/permohonan/, its receipt, the
requester's secret-link page (decision, documents by signed link, objection) and
the public register; guards (honeypot, rate limit); and the ways to the form
(search, the DIP's "how to request" text)."""

import itertools
import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from cms.ppid import services
from cms.ppid.models import IdentityDocument, InformationRequest, Objection

from .ppid_helpers import (
    ADDRESS,
    NAME,
    NIK,
    PHONE,
    grant_with_document,
    pdf_file,
    refuse,
    request_data,
)

pytestmark = pytest.mark.django_db

_addresses = itertools.count(1)
FORM = "/ppid/permohonan/"
NUMBER = re.compile(r"PPID/20\d\d/\d{6}")
OBJECTION = "section[aria-labelledby=ajukan-keberatan]"


@pytest.fixture
def client():
    """A browser at an address of its own (the rate-limit counters are shared)."""
    n = next(_addresses)
    return Client(REMOTE_ADDR=f"203.0.{uuid.uuid4().int % 250}.{n % 250 + 1}")


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_never_stored(response):
    control = response["Cache-Control"]
    assert "no-store" in control and "private" in control, control


def file_through_the_form(client, **overrides):
    """Files a request; returns (request, secret page path, receipt response)."""
    response = client.post(FORM, request_data(**overrides))
    assert response.status_code == 302, parse(response).select(".field-error")
    receipt = client.get(response["Location"])
    link = parse(receipt).select_one(".secret-link a")["href"]
    path = "/" + link.split("/", 3)[3]
    return InformationRequest.objects.latest("pk"), path, receipt


# --- the form ----------------------------------------------------------------------


def test_form_is_accessible_without_javascript(client, opds):
    response = client.get(FORM)
    page = parse(response)
    assert response.status_code == 200
    assert_never_stored(response)
    legends = [legend.get_text() for legend in page.select("fieldset legend")]
    assert any("Jenis pemohon" in text for text in legends)
    assert any("Cara memperoleh informasi" in text for text in legends)
    for field in page.select("form.complaint-form input, select, textarea"):
        if field.get("type") in ("hidden", "radio", "checkbox", None) and (
            field.name == "input"
        ):
            continue
        assert page.select_one(f"label[for='{field['id']}']"), field
    assert (
        "hint-identity_number"
        in page.select_one("#id_identity_number")["aria-describedby"]
    )
    options = [o.get_text() for o in page.select("#id_addressed_opd option")]
    assert options[0] == "PPID Utama Provinsi Banten"
    assert {opd.title for opd in opds.values()} <= set(options)
    assert page.select_one("input[type=file][name=identity_upload]")
    # CSP: no inline script (JSON-LD is data) and no inline style.
    assert not page.select("script:not([src]):not([type='application/ld+json'])")
    assert not page.select("[style]") and not page.select("style")


def test_bad_input_names_each_field_and_keeps_what_was_typed(client, opds):
    data = request_data(identity_number="12345", purpose="", email="bukan surel")
    data["information_requested"] = "Data anggaran"  # too short
    response = client.post(FORM, data)
    assert response.status_code == 400
    page = parse(response)
    summary = page.select_one(".error-summary")
    links = {a["href"] for a in summary.select("a")}
    assert {
        "#id_identity_number",
        "#id_purpose",
        "#id_email",
        "#id_information_requested",
    } <= links
    nik = page.select_one("#id_identity_number")
    assert nik["value"] == "12345" and nik["aria-invalid"] == "true"
    assert "err-identity_number" in nik["aria-describedby"]
    assert "16 angka" in page.select_one("#err-identity_number").get_text()
    assert page.select_one("#id_requester_name")["value"] == NAME
    typed = page.select_one("#id_information_requested").get_text()
    assert typed.strip() == "Data anggaran"
    assert not InformationRequest.objects.exists()


def test_error_summary_reads_cleanly_for_a_label_ending_in_a_stop(client, opds):
    response = client.post(FORM, request_data(consent=""))
    assert response.status_code == 400
    items = [li.get_text() for li in parse(response).select(".error-summary li")]
    assert items and not any(".:" in text for text in items), items


def test_badan_hukum_needs_its_legal_document(client, opds):
    data = request_data(requester_kind="badan_hukum", identity_number="AHU-0012345")
    response = client.post(FORM, data)
    assert response.status_code == 400
    assert parse(response).select_one("#err-identity_upload")
    response = client.post(FORM, {**data, "identity_upload": pdf_file()})
    assert response.status_code == 302
    stored = IdentityDocument.objects.get()
    assert stored.content_type == "application/pdf"
    assert stored.request.requester_kind == "badan_hukum"


def test_honeypot_answers_like_success_and_stores_nothing(client, opds):
    response = client.post(FORM, request_data(situs_web="http://spam"))
    assert response.status_code == 200
    assert "Permohonan Anda sudah kami terima" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_rate_limit_keeps_the_form(client, opds, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "ppid_submit": "1/hour",
        },
    }
    assert client.post(FORM, request_data()).status_code == 302
    response = client.post(FORM, request_data(purpose="Tujuan kedua yang berbeda."))
    assert response.status_code == 429
    assert "Terlalu banyak permohonan" in response.content.decode()
    assert "Tujuan kedua yang berbeda." in response.content.decode()
    assert InformationRequest.objects.count() == 1


def test_addressed_to_an_opd_from_its_dip_page(client, opds):
    dinkes = opds["dinkes"]
    page = parse(client.get(FORM, {"opd": str(dinkes.pk)}))
    assert page.select_one("#id_addressed_opd option[selected]")["value"] == str(
        dinkes.pk
    )
    assert client.get(FORM, {"opd": "１２"}).status_code == 200  # never a 500
    info, _path, receipt = file_through_the_form(client, addressed_opd=str(dinkes.pk))
    assert info.addressed_opd == dinkes and info.assigned_opd == dinkes
    assert dinkes.title in receipt.content.decode()


# --- the citizen's whole path --------------------------------------------------------


def test_file_then_follow_the_decision_download_and_object(client, opds):
    info, path, receipt = file_through_the_form(client)
    text = receipt.content.decode()
    assert_never_stored(receipt)
    assert receipt["Referrer-Policy"] == "strict-origin"
    assert NUMBER.search(text).group() == info.register_number
    assert info.due_on.strftime("%Y-%m-%d") in text
    assert re.search(r"sisa \d+ hari kerja", text)
    # The secret link is shown once: a reload shows the number, not the link.
    again = client.get("/ppid/permohonan/terkirim/").content.decode()
    assert info.register_number in again and path not in again

    page = client.get(path)
    assert page.status_code == 200 and page["Referrer-Policy"] == "strict-origin"
    assert_never_stored(page)
    assert "Diterima" in page.content.decode()
    assert not parse(page).select_one(OBJECTION)  # nothing to object to yet

    document = grant_with_document(info)
    page = parse(client.get(path))
    assert "Diberikan seluruhnya" in page.get_text()
    link = page.select_one(".ppid-documents a")["href"]
    assert link.startswith("/ppid/dokumen/")
    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert "jawaban.pdf" in download["Content-Disposition"]
    assert_never_stored(download)
    body = b"".join(download.streaming_content)
    assert body.startswith(b"%PDF") and len(body) == document.size
    # Granted: an objection is still possible (e.g. a copy not as asked, ground d).
    assert page.select_one(f"{OBJECTION} input[name=grounds][value=d]")
    # Its deadline ends the sentence without a stray space before the full stop.
    assert re.search(r"hari kerja\)</span>\.", client.get(path).content.decode())
    assert not page.select_one("input[name=grounds][value=a]")


def test_forged_or_expired_document_links_are_refused(client, opds, settings):
    info, path, _receipt = file_through_the_form(client)
    grant_with_document(info)
    link = parse(client.get(path)).select_one(".ppid-documents a")["href"]
    signed = link.split("/")[3]
    forged = f"/ppid/dokumen/{signed[:-2]}xy/"
    response = client.get(forged)
    assert response.status_code == 404
    assert "tidak berlaku" in response.content.decode()
    assert client.get("/ppid/dokumen/bukan-tautan/").status_code == 404
    settings.PPID_LINK_MAX_AGE = -1  # every link has expired
    assert client.get(link).status_code == 404


def test_refused_request_objection_with_grounds(client, opds):
    info, path, _receipt = file_through_the_form(client)
    refuse(info)
    page = parse(client.get(path))
    assert "Pasal 17 huruf h UU 14/2008" in page.get_text()
    boxes = page.select(f"{OBJECTION} input[type=checkbox][name=grounds]")
    assert [box["value"] for box in boxes] == list("abcdefg")
    assert "Pasal 35" in page.select_one(f"{OBJECTION} fieldset legend").get_text()

    empty = client.post(path, {"reason": "Saya keberatan."})
    assert empty.status_code == 400
    assert parse(empty).select_one("#err-grounds")
    assert parse(empty).select_one("#id_reason").get_text().strip() == (
        "Saya keberatan."
    )

    response = client.post(
        path, {"grounds": ["a", "e"], "reason": "Informasi itu bukan data pribadi."}
    )
    assert response.status_code == 302
    objection = Objection.objects.get(request=info)
    assert objection.grounds == ["a", "e"]
    page = parse(client.get(path))
    assert "Keberatan Anda sudah kami terima" in page.get_text()
    assert not page.select_one(OBJECTION)  # one open objection at most
    assert "Tanggapan atas keberatan" in page.get_text()


def test_unknown_secret_link(client, opds):
    response = client.get("/ppid/permohonan/bukan-token-yang-sah-sama-sekali/")
    assert response.status_code == 404
    assert "tidak dikenal" in response.content.decode()
    assert response["Referrer-Policy"] == "strict-origin"


# --- the public register -------------------------------------------------------------


def test_register_shows_no_identity(client, opds):
    info, _path, _receipt = file_through_the_form(client, email="siti.rahasia@x.org")
    refuse(info)
    response = client.get("/ppid/register/")
    text = parse(response).get_text()
    assert response.status_code == 200
    assert info.register_number in text
    assert "imunisasi 2025" in text and "Ditolak" in text
    html = response.content.decode()
    for secret in (NAME, NIK, PHONE, ADDRESS, "siti.rahasia"):
        assert secret not in html


def test_register_is_paginated(client, opds):
    for n in range(21):
        services.request_submit(
            data={
                **request_data(),
                "addressed_opd": None,
                "information_requested": f"Dokumen nomor {n} tentang anggaran 2025.",
            },
            source="portal",
        )
    first = parse(client.get("/ppid/register/"))
    assert len(first.select("tbody tr")) == 20
    assert first.select_one("a[rel=next]")["href"] == "?halaman=2"
    second = parse(client.get("/ppid/register/", {"halaman": "2"}))
    assert len(second.select("tbody tr")) == 1
    assert client.get("/ppid/register/", {"halaman": "x\x00"}).status_code == 200


# --- language and the ways in ---------------------------------------------------------


def test_form_in_english(client, opds, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(FORM)
    page = parse(response)
    assert response.status_code == 200
    assert page.find("html")["lang"] == "en"
    assert page.select_one("a.skip-link").get_text() == "Skip to content"
    assert page.select_one("form.complaint-form fieldset legend")


@pytest.mark.parametrize(
    "query", ["permohonan informasi", "PPID", "ppid dinkes", "keberatan informasi"]
)
def test_searches_lead_to_the_form(client, home, query):
    page = parse(client.get("/cari/", {"q": query}))
    assert page.select_one(f".service-promo a[href='{FORM}']")


@pytest.mark.parametrize("query", ["laporan informasi keuangan", "kip kuliah"])
def test_other_searches_get_no_ppid_promotion(client, home, query):
    page = parse(client.get("/cari/", {"q": query}))
    assert not page.select_one(f".service-promo a[href='{FORM}']")


def test_how_to_request_text_links_to_the_form(client, opds):
    page = parse(client.get("/dip/"))
    assert page.select_one(f"#cara-meminta ~ p a[href='{FORM}']") or page.select_one(
        f".dip-about a[href='{FORM}']"
    )
