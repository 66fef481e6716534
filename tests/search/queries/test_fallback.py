"""Without ELASTICSEARCH_URL: Wagtail's database search over the public pages."""

import pytest

from cms.content.models import ArticlePage, NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage
from search.queries.fallback import plain_words
from search.queries.fallback_corpus import reset_corpus
from search.queries.models import BestBet
from search.queries.public import search_public, suggest_public
from tests.factories import add_item

from .conftest import params

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_search(settings, opds):
    settings.ELASTICSEARCH_URL = ""
    reset_corpus()  # rows of earlier tests are gone with their transactions
    diskominfo, dinkes = opds["diskominfo"], opds["dinkes"]
    add_item(diskominfo, "Pengelolaan Konten Digital", summary="Panduan admin.")
    add_item(diskominfo, "Konten Kreatif ASN", model=ArticlePage)
    add_item(dinkes, "Konten Gizi Balita")
    add_item(diskominfo, "Draf Konten Rahasia", live=False)
    dip = DIPIndexPage.objects.child_of(dinkes).get()
    for title, kategori in [
        ("Konten Laporan Layanan", "berkala"),
        ("Konten Hasil Uji Dikecualikan", "dikecualikan"),
    ]:
        dip.add_child(
            instance=DIPEntryPage(
                title=title, kategori=kategori, tahun=2024, dasar_hukum="Pasal 17"
            )
        )
    return opds


def titles(result) -> list[str]:
    return [hit.title for hit in result.results]


@pytest.mark.usefixtures("database_search")
def test_public_pages_are_found_in_the_database():
    result = search_public(params("konten"))
    assert result.backend == "database"
    assert set(titles(result)) == {
        "Pengelolaan Konten Digital",
        "Konten Kreatif ASN",
        "Konten Gizi Balita",
        "Konten Laporan Layanan",
    }
    assert result.count == 4 and result.suggestion is None
    hit = next(h for h in result.results if h.title == "Pengelolaan Konten Digital")
    assert hit.type == "rilis" and hit.opd["slug"] == "diskominfo"
    assert hit.summary == "Panduan admin." and hit.highlight == {}
    # Several words: ranked partial matches, the page holding all of them first.
    ranked = search_public(params("pengelolaan konten"))
    assert titles(ranked)[0] == "Pengelolaan Konten Digital" and ranked.count == 4


@pytest.mark.usefixtures("database_search")
def test_the_database_uses_the_index_analysis_and_corrects_typos():
    from search.indexing.models import BuiltDocument

    # Stems: "kelola" finds "Pengelolaan"; a typo is corrected and offered back.
    assert titles(search_public(params("kelola")))[0] == "Pengelolaan Konten Digital"
    result = search_public(params("pengelolan kontn"))
    assert result.suggestion == "pengelolaan konten"
    assert titles(result)[0] == "Pengelolaan Konten Digital"
    # The documents it ranked were built once and stored for the next reindex.
    assert BuiltDocument.objects.filter(document__title="Konten Gizi Balita").exists()
    assert search_public(params("zzzzqqq")).count == 0


@pytest.mark.usefixtures("database_search")
def test_filters_and_facets_in_the_database():
    result = search_public(params("konten", opd="dinkes"))
    assert set(titles(result)) == {"Konten Gizi Balita", "Konten Laporan Layanan"}
    opd_counts = {row["value"]: row["count"] for row in result.facets["opd"]}
    assert opd_counts == {"diskominfo": 2, "dinkes": 2}  # the other OPDs stay listed
    type_counts = {row["value"]: row["count"] for row in result.facets["type"]}
    assert type_counts == {"rilis": 1, "dip": 1}
    assert titles(search_public(params("konten", kategori="berkala"))) == [
        "Konten Laporan Layanan"
    ]
    assert titles(search_public(params("konten", type="artikel"))) == [
        "Konten Kreatif ASN"
    ]


@pytest.mark.usefixtures("database_search")
def test_best_bets_and_autocomplete_in_the_database():
    page = NewsPage.objects.get(title="Konten Gizi Balita")
    BestBet.objects.create(query="konten", page=page)
    result = search_public(params("konten"))
    assert result.results[0].promoted and result.results[0].title == page.title
    assert titles(result).count(page.title) == 1
    assert result.count == 4
    completions = [row["title"] for row in suggest_public("pengelo")]
    assert completions == ["Pengelolaan Konten Digital"]


@pytest.mark.usefixtures("database_search")
def test_the_api_answers_from_the_database(client):
    response = client.get("/api/v1/search/", {"q": "konten", "page_size": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4 and len(body["results"]) == 2


@pytest.mark.parametrize(
    "q",
    [
        '"\\*?~^[]{}()<>:!/ & | ! AND OR NOT',
        '"informasi',
        "\u202e\x00 konten 😀",
        "'; DROP TABLE wagtailcore_page; --",
        "a" * 200,
        "-",
    ],
)
def test_weird_queries_never_fail_in_the_database(client, settings, q):
    settings.ELASTICSEARCH_URL = ""
    assert client.get("/api/v1/search/", {"q": q}).status_code == 200
    assert client.get("/api/v1/search/suggest/", {"q": q}).status_code == 200


def test_only_plain_words_reach_the_database_backend():
    assert plain_words('"Informasi* AND (publik)?') == "informasi and publik"
    assert plain_words("🙂 ~ ^") == ""
    assert plain_words("Pelayanan Kesehatan Ibu") == "pelayanan kesehatan ibu"
