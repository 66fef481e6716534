"""Query-time synonyms: analyze_query(q).expansions are full alternative queries."""

import json

from search.language import analysis, sources, vocabulary
from search.language.analysis import MAX_EXPANSIONS, analyze, analyze_query, normalize

PPID_LONG = "pejabat pengelola informasi dan dokumentasi"


def test_abbreviation_expands_to_the_long_form_in_context():
    query = analyze_query("PPID Banten")
    assert query.normalized == "ppid banten"
    assert query.stemmed == "ppid banten"
    assert query.expansions == [analyze(f"{PPID_LONG} banten")]
    assert query.synonyms == {"ppid": [analyze(PPID_LONG)]}


def test_long_form_expands_to_the_abbreviation():
    assert "ppid" in analyze_query(PPID_LONG).expansions
    # Matching happens on analysed tokens: stop words and affixes do not matter.
    assert "ppid" in analyze_query("pejabat pengelola informasi dokumentasi").expansions


def test_opd_short_name_and_full_name_expand_both_ways():
    assert analyze_query("dinkes").expansions == [analyze("dinas kesehatan")]
    assert analyze_query("Dinas Kesehatan Banten").expansions == ["dinkes banten"]
    assert (
        "diskominfo"
        in analyze_query(
            "Dinas Komunikasi, Informatika, Statistik dan Persandian"
        ).expansions
    )
    assert analyze("dispertan") in analyze_query("distan").expansions  # the slug


def test_every_opd_short_name_expands_to_its_full_name():
    data = json.loads(vocabulary.OPD_FILE.read_text(encoding="utf-8"))
    for opd in data["opds"]:
        if normalize(opd["short_name"]) != normalize(opd["name"]):
            expansions = analyze_query(opd["short_name"]).expansions
            assert analyze(opd["name"]) in expansions, opd["slug"]


def test_equivalents_reach_each_other_through_the_term():
    expansions = analyze_query("skpd").expansions
    assert "opd" in expansions
    assert analyze("organisasi perangkat daerah") in expansions


def test_one_way_expansions_do_not_lead_back():
    assert {"pns", "pppk", "p3k"} <= set(analyze_query("asn").expansions)
    assert "asn" not in analyze_query("pns").expansions
    assert "kip" in analyze_query("keterbukaan informasi publik").expansions
    assert analyze_query("komisi informasi").expansions == []


def test_several_terms_single_replacements_first_then_all_replaced():
    query = analyze_query("ppid dinkes")
    ppid, dinkes = analyze(PPID_LONG), analyze("dinas kesehatan")
    assert query.expansions == [
        f"{ppid} dinkes",
        f"ppid {dinkes}",
        f"{ppid} {dinkes}",
    ]


def test_expansions_are_capped_and_differ_from_the_query():
    query = analyze_query("asn pns kominfo dinkes")
    assert 0 < len(query.expansions) <= MAX_EXPANSIONS
    assert query.stemmed not in query.expansions
    assert len(set(query.expansions)) == len(query.expansions)
    assert query.expansions[-1] == analyze(
        "aparatur sipil negara pegawai negeri sipil diskominfo dinas kesehatan"
    )


def test_no_vocabulary_match_no_expansions():
    assert analyze_query("jadwal vaksinasi").expansions == []
    assert analyze_query("").expansions == []
    assert analyze_query("   ").stemmed == ""


def test_podcast_and_siniar():
    assert analyze_query("siniar").expansions == ["podcast"]
    assert analyze_query("podcast").expansions == ["siniar"]


def test_injected_source_is_used():
    source = sources.StaticSource()
    source.entries = lambda: [vocabulary.Entry("sipanganten", ("portal konten",))]
    sources.set_source(source)
    assert analyze_query("sipanganten").expansions == ["portal konten"]
    assert analyze_query("ppid").expansions == []  # only the injected entries


def test_vocabulary_file_is_normalised_unique_and_in_sync_with_the_opds():
    rows = vocabulary.read_vocabulary_file()
    terms = [row["term"] for row in rows]
    assert len(terms) == len(set(terms))
    assert all(term == normalize(term) for term in terms)
    opds = json.loads(vocabulary.OPD_FILE.read_text(encoding="utf-8"))["opds"]
    for opd in opds:
        if normalize(opd["short_name"]) != normalize(opd["name"]):
            assert normalize(opd["short_name"]) in terms, opd["slug"]


def test_compiled_vocabulary_is_cached_in_process():
    first = analysis.current_vocabulary()
    assert analysis.current_vocabulary() is first
    analysis.invalidate_vocabulary()
    assert analysis.current_vocabulary() is not first


def test_database_source_without_database_access_falls_back_to_the_file(caplog):
    """Pure tests elsewhere (query builders) use the default source with the
    database blocked: search still works from the static file."""
    sources.set_source(sources.DatabaseSource())
    assert "ppid" in analyze_query(PPID_LONG).expansions
    assert analysis._state.degraded  # retried after the check interval
    assert "falls back to the file" in caplog.text
