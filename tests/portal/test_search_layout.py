"""The search page's layout as served: one search box, the filters folded below
the result count, the no-results help at full width; and the site's icon."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.search.queries.conftest import corpus_index, index_extra  # noqa: F401

from .helpers import soup

URL = "/cari/"


@pytest.mark.django_db
@pytest.mark.usefixtures("corpus_index")
def test_results_page_has_one_search_box_and_the_filters_folded_after_the_count(
    client,
):
    page = soup(client.get(URL, {"q": "stunting"}))
    assert len(page.select("input[type=search]")) == 1
    assert not page.select_one("form.header-search")
    layout = page.select_one("section.search-layout--hits")
    parts = list(layout.find_all(recursive=False))
    assert [part.get("class")[0] for part in parts] == [
        "search-head",
        "search-facets",
        "search-body",
    ]
    assert parts[0].find("h2", id="cari-judul-hasil")
    filters = parts[1].select_one("details.search-filters")
    assert filters is not None and not filters.has_attr("open")
    assert filters.select_one("summary h2").get_text() == "Saring hasil"
    assert parts[2].select("li.search-hit")


@pytest.mark.django_db
@pytest.mark.usefixtures("corpus_index")
def test_no_results_page_is_one_full_width_column_with_the_help(client):
    page = soup(client.get(URL, {"q": "qwxzv plorkt"}))
    layout = page.select_one("section.search-layout")
    assert "search-layout--hits" not in layout["class"]
    assert layout.select_one(".search-empty .search-tips")
    assert not page.select_one("li.search-hit")


def test_other_pages_keep_the_header_search(client, db):
    page = soup(client.get("/opd/"))
    assert page.select_one("form.header-search input[name=q]")


def test_favicon_is_served_and_linked(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO signature
    assert "max-age" in response["Cache-Control"]
    icons = soup(client.get("/opd/")).select("link[rel=icon]")
    hrefs = [icon["href"] for icon in icons]
    assert "/favicon.ico" in hrefs and any(h.endswith(".svg") for h in hrefs)
    svg = next(h for h in hrefs if h.endswith(".svg"))
    assert finders.find(svg.removeprefix(settings.STATIC_URL))  # a real static file
