"""The search page /cari/ against the real Elasticsearch, on the search suite's fixed
corpus: results with highlights, facets, "did you mean", paging, help, errors."""

import re

import pytest

from tests.search.queries.conftest import corpus_index, index_extra  # noqa: F401
from tests.search.queries.corpus import to_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_index")]

URL = "/cari/"


def page(client, query, status=200):
    response = client.get(URL, query)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def result_titles(html: str) -> list[str]:
    items = re.findall(r'<li class="search-hit[^"]*">\s*<h3>(.*?)</h3>', html, re.S)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


def test_results_show_count_type_opd_and_highlighted_snippets(client):
    html = page(client, {"q": "stunting"})
    assert "Dinkes Banten Percepat Penurunan Stunting" in " ".join(result_titles(html))
    assert re.search(r"\d+ hasil", html)
    assert "<mark>Stunting</mark>" in html or "<mark>stunting</mark>" in html
    assert 'href="/dinkes/item-12/"' in html
    assert "Dinas Kesehatan" in html and "Rilis berita" in html
    assert 'name="robots" content="noindex' in html


def test_the_form_is_labelled_and_enhanced(client):
    html = page(client, {})
    assert '<label for="cari-q">' in html
    assert re.search(r'<input id="cari-q"[^>]*name="q"[^>]*data-autocomplete', html)
    assert "portal/search-filters" in html
    assert 'method="get"' in html and 'role="search"' in html


def test_facets_narrow_and_keep_their_state_in_the_url(client):
    everything = result_titles(page(client, {"q": "stunting"}))
    html = page(client, {"q": "stunting", "opd": "dinkes"})
    narrowed = result_titles(html)
    assert len(narrowed) == 4 and len(narrowed) < len(everything)
    assert "Edukasi Gizi Seimbang untuk Balita" in narrowed
    # The checkbox is checked, belongs to the search form and names its OPD.
    assert re.search(
        r'<input type="checkbox" form="cari-form" id="f-opd-dinkes" name="opd" '
        r'value="dinkes" checked>',
        html,
    )
    # Active filter with a link that removes it (and only it).
    assert 'href="/cari/?q=stunting"' in html
    assert "Perangkat daerah: Dinas Kesehatan" in html
    # Two types of one facet are OR-ed, another facet is AND-ed.
    html = page(client, {"q": "stunting", "opd": "dinkes", "type": ["video", "rilis"]})
    assert set(result_titles(html)) == {
        "Edukasi Gizi Seimbang untuk Balita",
        "Dinkes Banten Percepat Penurunan Stunting di Delapan Kabupaten/Kota",
    }


def test_dip_category_and_year_facets(client):
    html = page(client, {"type": "dip", "kategori": "serta_merta"})
    assert set(result_titles(html)) == {
        "Informasi Kejadian Luar Biasa Demam Berdarah",
        "Peringatan Dini Cuaca Ekstrem dan Potensi Banjir",
    }
    assert "Kategori DIP" in html
    html = page(client, {"type": "dip", "year": "2023"})
    titles = result_titles(html)
    assert "Rencana Strategis Diskominfo 2022-2026" in titles
    assert all("2024" not in title for title in titles)


def test_did_you_mean_links_to_the_corrected_query(client):
    html = page(client, {"q": "imunisasi cmpk"})
    assert "Mungkin maksud Anda:" in html
    assert 'href="/cari/?q=imunisasi+campak">imunisasi campak</a>' in html


def test_pagination_links_with_rel_and_current_page(client):
    html = page(client, {"year": "2024", "page_size": "2"})
    assert re.search(
        r'href="/cari/\?year=2024&amp;page_size=2&amp;page=2" rel="next"', html
    )
    assert re.search(
        r'href="/cari/\?year=2024&amp;page_size=2" aria-current="page"', html
    )
    assert 'rel="prev"' not in html
    html = page(client, {"year": "2024", "page_size": "2", "page": "2"})
    assert re.search(r'href="/cari/\?year=2024&amp;page_size=2" rel="prev"', html)
    assert '<link rel="prev"' in html and '<link rel="next"' in html
    assert len(result_titles(html)) == 2
    assert '<ol class="search-list" start="3">' in html


def test_zero_results_give_help(client):
    html = page(client, {"q": "qwxzv plorkt", "opd": "dinkes"})
    assert "Tidak ada hasil" in html
    assert "Periksa ejaan kata kunci." in html
    assert 'href="/dip/"' in html and 'href="/dip/#cara-meminta"' in html
    assert 'href="/cari/?q=qwxzv+plorkt">Hapus semua saringan' in html


@pytest.mark.parametrize(
    "query, shown",
    [
        ({"year": "dua ribu"}, "Tahun"),
        ({"type": "blog"}, "Jenis informasi"),
        ({"page": "999999"}, "Halaman"),
        ({"q": "x" * 5000}, "Kata kunci"),
        ({"kategori": "dikecualikan"}, "Kategori DIP"),
    ],
)
def test_bad_parameters_show_the_form_and_a_message(client, query, shown):
    html = page(client, query, status=400)
    assert 'role="alert"' in html and f"{shown}:" in html
    assert '<input id="cari-q"' in html
    assert "dua ribu" not in html.split('role="alert"')[1]  # never echoed


def test_query_text_is_escaped(client):
    attack = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    html = page(client, {"q": attack})
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_indexed_markup_never_reaches_the_page(client, index_extra):  # noqa: F811
    from search.language.analysis import analyze

    row = {
        "id": 98,
        "kind": "artikel",
        "opd": "dinkes",
        "published": "2025-06-01",
        "title": "Posyandu Kenari <img src=x onerror=alert(1)>",
        "summary": "Posyandu Kenari <script>alert(2)</script> buka & melayani.",
        "body": "Kenari <b>tebal</b>",
    }
    index_extra(to_document(row, analyze))
    html = page(client, {"q": "posyandu kenari"})
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    assert "<b>tebal" not in html
    assert "<mark>Kenari</mark> &lt;img src=x onerror=alert(1)&gt;" in html
    assert "buka &amp; melayani" in html


@pytest.mark.usefixtures("es_down")
def test_elasticsearch_down_answers_with_limited_results(client):
    """The database answers (tests/search/queries/test_degraded.py has the rest)."""
    response = client.get(URL, {"q": "stunting"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hasil terbatas." in html and 'role="status"' in html
    assert 'href="/dip/"' in html and '<input id="cari-q"' in html
    assert client.get(URL, {"year": "x"}).status_code == 400  # validated first


def test_highlight_sanitiser_keeps_only_mark():
    from portal.search_display import safe_highlight

    fragment = "<mark>Kenari</mark> &lt;b&gt; <script>x</script> A &amp; B <mark>buka"
    assert safe_highlight(fragment) == (
        "<mark>Kenari</mark> &lt;b&gt; &lt;script&gt;x&lt;/script&gt; A &amp; B "
        "<mark>buka</mark>"
    )
    assert safe_highlight("</mark>a<mark onclick=x>") == "a&lt;mark onclick=x&gt;"


def test_a_snippet_does_not_repeat_the_summary_from_the_body():
    from types import SimpleNamespace

    from portal.search_display import result_rows
    from search.queries.results import SearchHit

    summary = "Prevalensi <mark>stunting</mark> turun tiga persen."
    body = [
        "Prevalensi <mark>stunting</mark> Banten turun tiga persen.",
        "Posyandu menimbang balita tiap bulan agar <mark>stunting</mark> tercegah.",
    ]
    hit = SearchHit(
        title="Stunting",
        url="/x/",
        type="berita",
        opd=None,
        published=None,
        highlight={"summary": [summary], "body": body},
    )
    result = SimpleNamespace(results=[hit])
    snippet = str(result_rows(result)[0]["snippet"])
    assert snippet.count("turun tiga persen") == 1
    assert "Posyandu menimbang" in snippet  # the next distinct fragment instead
