"""Titles, summaries and names are plain text: the API returns them exactly as
stored (consumers escape them), feeds carry them correctly escaped for XML, and
summaries, which feeds declare as HTML, escaped once more for HTML."""

import html
import xml.etree.ElementTree as ET

import pytest

from tests.factories import add_hostile_text

pytestmark = pytest.mark.django_db

TEXT = '<script>alert("x")</script> & "Banjir" <b>'
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def hostile(opds):
    return add_hostile_text(opds["bpbd"], TEXT)


def test_content_api_returns_the_text_as_stored(client, hostile):
    detail = client.get(f"/api/v1/content/{hostile['item'].pk}/").json()
    assert detail["title"] == TEXT
    assert detail["summary"] == TEXT
    assert detail["opd"]["name"] == TEXT
    assert [tag["name"] for tag in detail["tags"]] == [TEXT]
    listed = client.get("/api/v1/content/").json()["results"][0]
    assert (listed["title"], listed["summary"]) == (TEXT, TEXT)


def test_opd_tag_and_dip_api_return_the_text_as_stored(client, hostile):
    assert client.get("/api/v1/opd/bpbd/").json()["name"] == TEXT
    assert [row["name"] for row in client.get("/api/v1/tags/").json()] == [TEXT]
    groups = client.get("/api/v1/opd/bpbd/dip/").json()["groups"]
    entries = [entry for group in groups for entry in group["entries"]]
    assert [(e["title"], e["ringkasan"]) for e in entries] == [(TEXT, TEXT)]


def feed_root(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)  # well-formed, or this raises


@pytest.mark.parametrize("url", ["/feed/rss.xml", "/feed/opd/bpbd/rss.xml"])
def test_rss_keeps_the_title_and_escapes_the_summary_as_html(client, hostile, url):
    channel = feed_root(client, url, "application/rss+xml").find("channel")
    [item] = channel.findall("item")
    assert item.findtext("title") == TEXT
    # RSS readers render the description as HTML: the text must arrive escaped.
    description = item.findtext("description")
    assert "<" not in description and html.unescape(description) == TEXT
    assert [c.text for c in item.findall("category")] == ["rilis", TEXT]
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == TEXT


@pytest.mark.parametrize("url", ["/feed/atom.xml", "/feed/opd/bpbd/atom.xml"])
def test_atom_keeps_the_title_and_escapes_the_html_summary(client, hostile, url):
    [entry] = feed_root(client, url, "application/atom+xml").findall(f"{ATOM}entry")
    title = entry.find(f"{ATOM}title")
    assert title.text == TEXT and title.get("type", "text") == "text"
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "<" not in summary.text and html.unescape(summary.text) == TEXT
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == TEXT


def test_sitemap_is_well_formed(client, hostile):
    index = feed_root(client, "/sitemap.xml", "application/xml")
    sections = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    assert sections
    locations = []
    for section in sections:
        root = feed_root(
            client, section.removeprefix("http://testserver"), "application/xml"
        )
        locations += [url.findtext(f"{SITEMAP}loc") for url in root]
    assert any(loc.endswith("/bpbd/banjir-teks/") for loc in locations)
