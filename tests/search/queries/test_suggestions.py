""" "Did you mean" and autocomplete on the real server and the fixed corpus."""

import pytest

from search.queries.public import search_public, suggest_public

from .conftest import params

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_index")]


def suggestion(q):
    return search_public(params(q), record=False).suggestion


def test_a_query_with_no_results_gets_a_correction():
    result = search_public(params("imunisasi cmpk"), record=False)
    assert result.count == 0
    assert result.suggestion == "imunisasi campak"
    assert search_public(params(result.suggestion), record=False).count == 1


def test_few_results_from_typos_get_a_correction():
    assert suggestion("pengelolan kontn") == "pengelolaan konten"
    assert suggestion("banjr lebak") == "banjir lebak"


def test_right_words_are_not_corrected():
    # "membangun" is only in titles: the body suggester would offer "membantu".
    assert suggestion("membangun jembatan") is None
    assert suggestion("festival budaya baduy") is None
    assert suggestion("xyzzy") is None  # nothing close: no suggestion either


def test_many_results_need_no_suggestion():
    result = search_public(params("stuntng"), record=False)
    assert result.count > 3 and result.suggestion is None


def test_autocomplete_completes_a_title_prefix():
    titles = [row["title"] for row in suggest_public("pengel")]
    assert "Pengelolaan Konten Digital di Lingkungan Pemerintah Provinsi Banten" in (
        titles
    )
    rows = suggest_public("penerimaan peserta")
    assert {row["title"] for row in rows} == {
        "Penerimaan Peserta Didik Baru SMA dan SMK Tahun 2025",
    }
    assert rows[0]["url"] == "/dindikbud/item-31/"


def test_autocomplete_forgives_one_slip_and_ignores_tiny_prefixes():
    titles = [row["title"] for row in suggest_public("pengelo1aan")]
    assert "Pengelolaan Konten Digital di Lingkungan Pemerintah Provinsi Banten" in (
        titles
    )
    assert suggest_public("p") == []
    assert suggest_public("zzzzqqq") == []
