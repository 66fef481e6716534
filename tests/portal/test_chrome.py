"""The chrome around every page: landmarks, language switch, error pages, dates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from portal.templatetags.portal_format import tanggal, ukuran_berkas

from .helpers import soup


@pytest.mark.django_db
def test_layout_has_landmarks_nav_search_and_feeds(client, opds):
    page = soup(client.get("/"))
    assert page.html["lang"] == "id"
    assert page.select_one("a.skip-link")["href"] == "#konten"
    assert page.find("main", id="konten") and page.find("footer")
    nav = page.find("nav", attrs={"aria-label": "Menu utama"})
    assert [a["href"] for a in nav.find_all("a")] == [
        "/",
        "/cari/",
        "/opd/",
        "/dip/",
        "/topik/",
        "/lapor/",
    ]
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == "/"
    search = page.select_one("form.header-search")
    assert search["action"] == "/cari/" and search.find("input")["name"] == "q"
    assert page.select_one("label[for=q-header]")
    assert page.find("link", type="application/rss+xml")
    assert page.find("a", href="/feed/rss.xml")


@pytest.mark.django_db
def test_switching_to_english_changes_the_chrome(client, opds):
    form = soup(client.get("/opd/")).select_one("form.lang-switch")
    assert form["action"] == "/i18n/setlang/" and form["method"] == "post"
    assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/opd/"}, follow=True
    )
    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.select_one("a.skip-link").get_text() == "Skip to content"
    assert page.select_one(".lang-switch button")["value"] == "id"


@pytest.mark.django_db
def test_not_found_page_is_friendly_and_indonesian(client, opds):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    page = soup_of_status(response)
    assert page.h1.get_text() == "Maaf, halaman tidak ditemukan"
    assert page.select_one("form[role=search]")["action"] == "/cari/"
    assert page.find("a", href="/")


def soup_of_status(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")


def test_server_error_page_renders_without_database_or_context():
    # No django_db mark: any database access here fails the test.
    html = render_to_string("500.html")
    assert "Maaf, terjadi gangguan pada server" in html
    assert 'lang="id"' in html and "{%" not in html


def test_dates_are_indonesian_in_wib():
    wib = ZoneInfo("Asia/Jakarta")
    utc_evening = datetime(2025, 12, 31, 20, 5, tzinfo=ZoneInfo("UTC"))
    with translation.override("id"):
        assert tanggal(utc_evening) == "1 Januari 2026, 03.05 WIB"
        assert tanggal(datetime(2025, 3, 5, 9, 0, tzinfo=wib), "pendek") == (
            "5 Maret 2025"
        )
        assert tanggal(date(2025, 8, 17)) == "17 Agustus 2025"
        assert ukuran_berkas(1_258_291) == "1,2 MB"
        assert ukuran_berkas(2048) == "2 KB"


@pytest.mark.django_db
def test_an_english_browser_still_gets_indonesian_until_it_chooses(client, opds):
    page = soup(client.get("/opd/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"))
    assert page.html["lang"] == "id"
    assert page.select_one("a.skip-link").get_text() == "Langsung ke konten"
