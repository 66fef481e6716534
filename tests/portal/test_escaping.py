"""Editors' plain text (titles, summaries, OPD and topic names, DIP fields) is
escaped exactly once on every portal page, in attributes, and inside JSON-LD."""

import json
import re

import pytest

from cms.dip.models import DIPIndexPage
from tests.factories import add_hostile_text
from tests.search.indexing.helpers import drain

from .helpers import html_of, soup
from .test_search_visibility import clean_indexes  # noqa: F401

pytestmark = pytest.mark.django_db

TEXT = '<script>alert("x")</script> & "Banjir" <b>'
ESCAPED = "&lt;script&gt;alert("
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def hostile(opds):
    return add_hostile_text(opds["bpbd"], TEXT)


def escaped_once(html: str):
    assert "<script>alert" not in html
    assert ESCAPED in html
    assert "&amp;lt;script" not in html  # not escaped twice


def json_ld_blocks(html: str) -> list[dict]:
    """Each JSON-LD block must parse: a raw ``</script`` from the text would end
    the element early and leave invalid JSON behind."""
    blocks = JSON_LD.findall(html)
    for block in blocks:
        assert "</" not in block
    return [json.loads(block) for block in blocks]


def test_item_page_escapes_text_in_body_attributes_and_json_ld(client, hostile):
    response = client.get(hostile["item"].url)
    html = html_of(response)
    escaped_once(html)
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == TEXT
    assert TEXT in page.title.get_text()
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in page.find_all("meta")
        if tag.get("content")
    }
    assert meta["og:title"] == TEXT and meta["og:description"] == TEXT
    [article, *_] = json_ld_blocks(html)
    assert article["headline"] == TEXT
    assert article["description"] == TEXT
    assert article["publisher"]["name"] == TEXT


@pytest.mark.parametrize(
    "where", ["/", "/jenis/rilis/", "/bpbd/", "/topik/", "tag", "dip_index", "entry"]
)
def test_listings_and_dip_pages_escape_text(client, hostile, where):
    urls = {
        "tag": f"/topik/{hostile['tag'].slug}/",
        "dip_index": DIPIndexPage.objects.child_of(hostile["opd"]).get().url,
        "entry": hostile["entry"].url,
    }
    html = html_of(client.get(urls.get(where, where)))
    escaped_once(html)
    json_ld_blocks(html)


def test_search_page_escapes_titles_and_highlights(client, hostile):
    drain()
    response = client.get("/cari/", {"q": "banjir"})
    html = html_of(response)
    escaped_once(html)
    hit = soup(response).select_one("li.search-hit h3")
    assert " ".join(hit.get_text().split()) == TEXT
    assert "<mark>" in html
