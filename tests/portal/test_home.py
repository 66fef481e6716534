"""The province home page: latest items, serta-merta banner, featured series."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.content.models import ArticlePage
from cms.opd.models import FeaturedSeries
from cms.series.models import SeriesPage
from tests.factories import ImageFactory, add_dip_entry, add_item, publish

from .helpers import html_of, json_ld, soup

pytestmark = pytest.mark.django_db


def test_home_shows_latest_items_with_thumbnails_and_quick_links(client, opds):
    image = ImageFactory(title="Posyandu")
    add_item(opds["dinkes"], "Posyandu keliling", hero_image=image, hero_alt="Balita")
    add_item(opds["bpbd"], "Siaga banjir", model=ArticlePage)
    page = soup(client.get("/"))
    titles = [h.get_text(strip=True) for h in page.select(".card-title")]
    assert titles == ["Siaga banjir", "Posyandu keliling"]  # newest first
    assert page.select_one(".card-type").get_text(strip=True) == "Artikel"
    picture = page.select_one(".card picture")
    assert picture.select_one("source[type='image/webp']")["srcset"]
    img = picture.img
    assert img["alt"] == "Balita" and img["loading"] == "lazy"
    assert img["width"] and img["height"] and img["sizes"]
    links = {a["href"] for a in page.select(".quick-links a")}
    assert {"/dip/", "/opd/", "/topik/"} <= links
    assert page.select_one("form.hero-search")["action"] == "/cari/"


def test_home_describes_the_province_and_its_search_to_search_engines(client, opds):
    organization, site = json_ld(client.get("/"))
    assert organization["@type"] == "GovernmentOrganization"
    assert organization["name"] == "Pemerintah Provinsi Banten"
    assert site["@type"] == "WebSite"
    target = site["potentialAction"]["target"]
    assert target.endswith("/cari/?q={search_term_string}")


def test_serta_merta_banner_lists_only_current_items(client, opds, home):
    now = timezone.now()
    add_item(opds["bpbd"], "Banjir bandang Lebak", serta_merta=True)
    add_item(
        opds["bpbd"],
        "Gempa bulan lalu",
        serta_merta=True,
        publish_date=now - timedelta(days=30),
    )
    add_item(opds["dinkes"], "Rilis biasa")
    add_item(opds["dinkes"], "Wabah draf", serta_merta=True, live=False)
    add_dip_entry(opds["dinkes"], "Peringatan wabah DBD", kategori="serta_merta")
    banner = soup(client.get("/")).select_one(".alert-banner")
    text = banner.get_text(" ", strip=True)
    assert "Banjir bandang Lebak" in text and "Peringatan wabah DBD" in text
    assert "Gempa bulan lalu" not in text and "Rilis biasa" not in text
    assert "Wabah draf" not in text

    home.serta_merta_days = 60  # the province team keeps alerts up longer
    publish(home)
    assert "Gempa bulan lalu" in html_of(client.get("/"))


def test_no_banner_without_serta_merta(client, opds):
    add_item(opds["dinkes"], "Rilis biasa")
    assert soup(client.get("/")).select_one(".alert-banner") is None


def test_featured_series_are_the_province_teams_choice_in_order(client, opds, home):
    first = SeriesPage(title="Info RB Tematik", slug="info-rb")
    second = SeriesPage(title="Banten Sehat", slug="banten-sehat")
    draft = SeriesPage(title="Seri draf", slug="seri-draf", live=False)
    not_chosen = SeriesPage(title="Seri lain", slug="seri-lain")
    for series in (first, second, not_chosen):
        opds["diskominfo"].add_child(instance=series)
    opds["diskominfo"].add_child(instance=draft)
    home.featured_series = [
        FeaturedSeries(series=second),
        FeaturedSeries(series=draft),
        FeaturedSeries(series=first),
    ]
    publish(home)
    add_item(opds["dinkes"], "Bagian satu", series=first)
    titles = [
        h.get_text(strip=True)
        for h in soup(client.get("/")).select(".series-card .card-title")
    ]
    assert titles == ["Banten Sehat", "Info RB Tematik"]
