"""Every absolute URL comes from PORTAL_BASE_URL: under `make run` the request
host, the Wagtail Site row (http://localhost) and the real address all differ,
and a visitor must never be sent to the wrong one."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import add_item

from .helpers import json_ld, soup

pytestmark = pytest.mark.django_db
BASE = "http://portal.example.go.id:8001"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def item(settings, opds):
    settings.PORTAL_BASE_URL = BASE + "/"  # a trailing slash is forgiven
    return add_item(opds["bpbd"], "Banjir surut", summary="Air mulai surut.")


def test_item_page_canonical_og_url_and_json_ld_use_the_base(client, item):
    response = client.get(item.url, HTTP_HOST="127.0.0.1")
    page = soup(response)
    expected = BASE + item.url
    assert page.find("link", rel="canonical")["href"] == expected
    assert page.find("meta", property="og:url")["content"] == expected
    article = json_ld(response)[0]
    assert article["@id"] == article["mainEntityOfPage"] == expected
    assert article["publisher"]["url"] == BASE + "/bpbd/"
    assert article["publisher"]["parentOrganization"]["@id"] == BASE + "/#organisasi"


def test_non_page_canonical_and_website_json_ld_use_the_base(client, item):
    response = client.get("/cari/?q=banjir&halaman=2", HTTP_HOST="127.0.0.1")
    assert soup(response).find("link", rel="canonical")["href"] == (
        BASE + "/cari/?halaman=2"
    )
    website = json_ld(client.get("/", HTTP_HOST="127.0.0.1"))
    assert {"url": BASE + "/"}.items() <= website[0].items()


def test_rss_links_use_the_base(client, item):
    body = client.get("/feed/rss.xml", HTTP_HOST="127.0.0.1").content
    channel = ET.fromstring(body).find("channel")
    assert channel.findtext("link") == BASE + "/"
    assert channel.find("item").findtext("link") == BASE + item.url
    atom = client.get("/feed/atom.xml", HTTP_HOST="127.0.0.1").content.decode()
    assert f'href="{BASE}/feed/atom.xml"' in atom and "127.0.0.1" not in atom


def test_api_url_fields_use_the_base(client, item):
    detail = client.get(f"/api/v1/content/{item.pk}/").json()
    assert detail["url"] == BASE + item.url
    opd = client.get("/api/v1/opd/bpbd/").json()
    assert opd["url"] == BASE + "/bpbd/"


def test_sitemap_and_robots_use_the_base(client, item):
    index = ET.fromstring(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP_NS}loc")]
    assert sections and all(url.startswith(BASE + "/sitemap-") for url in sections)
    content = client.get("/sitemap-konten.xml", HTTP_HOST="127.0.0.1").content
    urls = [loc.text for loc in ET.fromstring(content).iter(f"{SITEMAP_NS}loc")]
    assert urls == [BASE + item.url]
    robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
