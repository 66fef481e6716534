"""The leak sweep's hidden content against the database search (the embedded
default, and the fallback while Elasticsearch is down). Its corpus lives in each
process's memory and is refreshed by page version, so media made private or
withheld after a search has read their pages are the case to watch: the pages keep
their version while the text they may show shrinks."""

import pytest

from search.queries.fallback_corpus import reset_corpus
from search.queries.params import SearchParams
from search.queries.public import search_public, suggest_public
from tests.factories.leaks import MARKERS, add_hidden_content, add_public_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_from_database_search(settings, opds):
    settings.ELASTICSEARCH_URL = ""
    reset_corpus()  # rows of earlier tests are gone with their transactions
    add_public_content(opds)

    def settle():
        """Every public page read into the corpus while its media are public."""
        for marker in MARKERS:
            search_public(SearchParams(q=marker), record=False)

    yield add_hidden_content(opds["dinkes"], settle=settle)
    reset_corpus()


def found(q: str) -> list[str]:
    result = search_public(SearchParams(q=q), record=False)
    assert result.backend == "database"
    return [hit.title for hit in result.results]


@pytest.mark.usefixtures("hidden_from_database_search")
def test_the_database_search_finds_nothing_hidden():
    # Each marker is only in hidden text: no page may match it, public or not.
    leaks = {q: found(q) for m in MARKERS for q in (m, f"{m}SANDI") if found(q)}
    assert leaks == {}
    suggested = {m: list(suggest_public(m[:7].lower())) for m in MARKERS}
    assert {m: rows for m, rows in suggested.items() if rows} == {}
    assert found("Laporan dinkes")  # the public content is still found
