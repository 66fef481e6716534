"""Ranking behaviour on the real server and the fixed corpus: Indonesian morphology,
synonyms, typos, phrase and title boosts, recency as a tie-break."""

import pytest

from search.client import get_client
from search.documents import alias_name
from search.language.analysis import AnalyzedQuery, analyze, analyze_query
from search.queries.compose import build_search_body
from search.queries.public import search_public

from .conftest import params
from .corpus import by_title

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_index")]


def titles(q: str, **kwargs) -> list[str]:
    result = search_public(params(q, **kwargs), record=False)
    return [hit.title for hit in result.results]


def test_stemming_finds_the_derived_form_first():
    assert titles("kelola konten")[0] == by_title("Pengelolaan Konten")["title"]


def test_stemming_joins_membangun_and_pembangunan():
    assert titles("membangun jalan")[0] == by_title("Pembangunan Jalan")["title"]
    assert titles("pembangunan sekolah")[0] == by_title("Membangun Sekolah")["title"]


def test_words_may_be_spread_over_fields():
    # "stunting" is in the title, "posyandu" only in the body.
    assert titles("stunting posyandu") == [by_title("Percepat Penurunan")["title"]]


def test_typos_are_tolerated():
    assert titles("pengelolan kontn")[0] == by_title("Pengelolaan Konten")["title"]
    assert all("Stunting" in title for title in titles("stuntng")[:4])


def test_a_synonym_expansion_finds_a_document_without_the_abbreviation():
    """Unit-level injection: the expansion the vocabulary gives for "PPID"."""
    expanded = AnalyzedQuery(
        normalized="ppid",
        stemmed=analyze("ppid"),
        expansions=[analyze("pejabat pengelola informasi dan dokumentasi")],
    )
    body = build_search_body(params("ppid"), analyzed=expanded)
    hits = get_client().search(index=alias_name(), body=body)["hits"]["hits"]
    found = [hit["_source"]["title"] for hit in hits]
    assert by_title("Pejabat Pengelola Informasi")["title"] in found[:2]

    plain = AnalyzedQuery(normalized="ppid", stemmed=analyze("ppid"))
    body = build_search_body(params("ppid"), analyzed=plain)
    hits = get_client().search(index=alias_name(), body=body)["hits"]["hits"]
    assert by_title("Pejabat Pengelola Informasi")["title"] not in [
        hit["_source"]["title"] for hit in hits
    ]


def test_ppid_through_the_vocabulary():
    """End to end: depends on the synonym vocabulary of ``search.language.analysis``."""
    assert analyze_query("PPID").expansions, "the vocabulary has no entry for PPID"
    assert by_title("Pejabat Pengelola Informasi")["title"] in titles("PPID")[:3]


def test_title_phrase_beats_scattered_words():
    ranked = titles("layanan informasi publik")
    scattered = ranked.index(by_title("Layanan Sosial Gratis")["title"])
    assert (
        ranked.index(by_title("Laporan Layanan Informasi Publik")["title"]) < scattered
    )
    assert ranked.index(by_title("Pedoman Standar Layanan")["title"]) < scattered


def test_recency_breaks_a_tie_between_equal_matches():
    ranked = titles("laporan keuangan pemerintah daerah")
    assert ranked[:2] == [
        "Laporan Keuangan Pemerintah Daerah Tahun 2024",
        "Laporan Keuangan Pemerintah Daerah Tahun 2023",
    ]


def test_recency_does_not_bury_a_better_match():
    # The 2022 bridge story matches "membangun jembatan" in its title; newer items
    # that only mention "jembatan" in passing stay below it.
    assert titles("membangun jembatan")[0] == by_title("Membangun Jembatan")["title"]


def test_editorial_boost_lifts_the_opd_profile():
    assert titles("dinas kesehatan")[0] == "Dinas Kesehatan"


def test_highlight_marks_the_citizens_words_in_raw_text():
    result = search_public(params("imunisasi campak"), record=False)
    top = result.results[0]
    assert top.title == by_title("Imunisasi Campak")["title"]
    assert "<mark>Imunisasi</mark>" in top.highlight["title"][0]
    assert "<mark>Campak</mark>" in top.highlight["title"][0]


def test_highlight_escapes_html():
    # encoder html: the stored text is escaped, only our <mark> tags are markup.
    result = search_public(params("stunting"), record=False)
    for hit in result.results:
        for fragments in hit.highlight.values():
            for fragment in fragments:
                assert "<" not in fragment.replace("<mark>", "").replace("</mark>", "")


def test_result_rows_carry_what_the_api_shows():
    hit = search_public(params("tsunami"), record=False).results[0]
    assert hit.title == "Prosedur Evakuasi Bencana Tsunami di Pesisir Banten"
    assert hit.type == "dip"
    assert hit.opd == {"slug": "bpbd", "name": "Badan Penanggulangan Bencana Daerah"}
    assert hit.published.startswith("2024-06-01")
    assert hit.summary == "Jalur evakuasi dan titik kumpul."
    assert hit.url == "/bpbd/item-23/"
