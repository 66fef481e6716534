"""Highlighted snippets on the real server: exact marks in the search request, a
typo-tolerant second request only when the query holds a word no document has."""

import pytest

from search.client import get_client
from search.documents import alias_name
from search.language.analysis import analyze_query
from search.queries.compose import build_search_body
from search.queries.highlight import typo_words
from search.queries.public import search_public

from .conftest import params
from .corpus import by_title

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_index")]


def top(q: str):
    return search_public(params(q), record=False).results[0]


def marked(hit) -> str:
    return " ".join(f for fragments in hit.highlight.values() for f in fragments)


def test_a_typo_query_still_gets_a_highlighted_snippet():
    hit = top("pengelolan kontn")
    assert hit.title == by_title("Pengelolaan Konten")["title"]
    assert "<mark>Pengelolaan</mark>" in hit.highlight["title"][0]
    assert "<mark>Konten</mark>" in hit.highlight["title"][0]


def test_a_typo_among_known_words_is_marked_too():
    hit = top("imunisasi cmpak")
    assert hit.title == by_title("Imunisasi Campak")["title"]
    assert "<mark>Campak</mark>" in hit.highlight["title"][0]


def test_the_exact_words_and_their_stems_are_marked():
    hit = top("kelola konten")
    assert hit.title == by_title("Pengelolaan Konten")["title"]
    assert "<mark>Konten</mark>" in hit.highlight["title"][0]
    assert "<mark>konten</mark>" in marked(hit)


def test_every_snippet_of_a_common_word_marks_it():
    result = search_public(params("stunting"), record=False)
    assert result.results
    for hit in result.results:
        assert "<mark>" in marked(hit).replace("<mark>Stunting", "<mark>stunting")


def search(q: str) -> dict:
    body = build_search_body(params(q), analyzed=analyze_query(q))
    return get_client().search(index=alias_name(), body=body).body


def typos(q: str) -> list[str]:
    response = search(q)
    return typo_words(response["suggest"], response["hits"]["hits"])


def test_typos_are_told_apart_from_known_words_in_one_request():
    # The search request's own suggester and marks say when a second is needed.
    assert typos("stunting posyandu") == []
    assert typos("stuntng posyandu") == ["stuntng"]
