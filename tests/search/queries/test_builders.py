"""The query builders as plain dicts: no Elasticsearch, no database."""

from search.language.analysis import AnalyzedQuery
from search.queries import boosts, facets, filters, highlight, suggest, text
from search.queries.compose import RESULT_SOURCE, build_search_body

from .conftest import params


def aq(normalized="", stemmed="", expansions=()):
    return AnalyzedQuery(normalized, stemmed, list(expansions))


def test_text_query_matches_stems_raw_words_and_expansions():
    query = text.text_query(
        aq("pengelolaan konten", "kelola konten", ["jabat kelola informasi"])
    )
    recall, phrases = query["bool"]["must"][0]["bool"], query["bool"]["should"]
    assert recall["minimum_should_match"] == 1
    stem, across, raw, expansion = (c["multi_match"] for c in recall["should"])
    assert stem == {
        "query": "kelola konten",
        "fields": [
            "title_stem^4",
            "tags_stem^3",
            "summary_stem^2",
            "body_stem",
            "attachments_stem^0.5",
        ],
        "type": "best_fields",
        "tie_breaker": 0.3,
        "minimum_should_match": "2<75%",
        "fuzziness": "AUTO",
        "prefix_length": 1,
        "max_expansions": 50,
    }
    assert across["type"] == "cross_fields" and across["fields"] == stem["fields"]
    assert across["query"] == "kelola konten" and "fuzziness" not in across
    assert across["minimum_should_match"] == "2<75%" and across["boost"] < 1
    assert raw["query"] == "pengelolaan konten"
    assert raw["fields"] == ["title^4", "summary^2", "body", "attachments^0.5"]
    assert raw["fuzziness"] == "AUTO" and raw["boost"] < 1
    assert expansion["query"] == "jabat kelola informasi"
    assert expansion["fields"] == stem["fields"]
    assert "fuzziness" not in expansion and 0.5 < expansion["boost"] < 1
    assert phrases == [
        {"match_phrase": {"title": {"query": "pengelolaan konten", "boost": 6}}},
        {"match_phrase": {"summary": {"query": "pengelolaan konten", "boost": 2}}},
        {"match_phrase": {"body": {"query": "pengelolaan konten", "boost": 2}}},
    ]


def test_one_word_has_no_phrase_clauses_and_duplicate_expansions_collapse():
    query = text.text_query(aq("stunting", "stunting", ["tengkes", "tengkes", ""]))
    assert list(query) == ["bool"] and "must" not in query["bool"]
    kinds = [c["multi_match"]["type"] for c in query["bool"]["should"]]
    assert kinds == ["best_fields"] * 3  # one word: nothing to cross fields with


def test_no_text_matches_everything():
    assert text.text_query(aq()) == {"match_all": {}}


def test_filters_are_terms_with_or_inside_a_parameter():
    clauses = filters.filter_clauses(
        {"opd": ("dinkes", "bpbd"), "year": (2024,), "series": (), "type": None}
    )
    assert clauses == {
        "opd": {"terms": {"opd_slug": ["dinkes", "bpbd"]}},
        "year": {"term": {"year": 2024}},
    }
    assert filters.filter_clause("kategori", ["berkala"]) == {
        "term": {"dip_kategori": "berkala"}
    }
    assert filters.excluded_ids([]) is None
    assert filters.excluded_ids(["page:1"]) == {"ids": {"values": ["page:1"]}}


def test_boosts_multiply_relevance_by_a_floored_recency_and_the_editorial_weight():
    inner = {"match_all": {}}
    outer = boosts.boosted(inner)["function_score"]
    assert outer["field_value_factor"] == {
        "field": "boost",
        "missing": 1,
        "modifier": "none",
    }
    assert outer["boost_mode"] == "multiply"
    recency = outer["query"]["function_score"]
    assert recency["query"] == inner
    assert recency["score_mode"] == "sum" and recency["boost_mode"] == "multiply"
    floor, decay = recency["functions"]
    assert floor == {"weight": 1}
    assert decay["filter"] == {"exists": {"field": "published"}}
    assert decay["gauss"]["published"] == {
        "origin": "now/d",
        "scale": "365d",
        "decay": 0.5,
    }
    assert 0 < decay["weight"] <= 0.25


def test_each_facet_is_filtered_by_the_other_facets_only():
    chosen = {
        "opd": {"term": {"opd_slug": "dinkes"}},
        "type": {"terms": {"kind": ["rilis", "artikel"]}},
    }
    aggs = facets.facet_aggs(chosen)
    assert set(aggs) == {"opd", "type", "kategori", "year"}
    assert aggs["opd"]["filter"] == {"bool": {"filter": [chosen["type"]]}}
    assert aggs["type"]["filter"] == {"bool": {"filter": [chosen["opd"]]}}
    assert aggs["year"]["filter"] == {
        "bool": {"filter": [chosen["opd"], chosen["type"]]}
    }
    assert aggs["opd"]["aggs"]["values"]["terms"]["field"] == "opd_slug"
    assert aggs["opd"]["aggs"]["values"]["aggs"]["name"]["terms"] == {
        "field": "opd_name",
        "size": 1,
    }
    assert aggs["year"]["aggs"]["values"]["terms"]["order"] == {"_key": "desc"}
    assert facets.facet_aggs({})["kategori"]["filter"] == {"match_all": {}}
    assert facets.post_filter(chosen) == {
        "bool": {"filter": [chosen["opd"], chosen["type"]]}
    }
    assert facets.post_filter({}) is None


def test_facet_parsing_keeps_selected_values_without_results():
    aggregations = {
        "opd": {
            "values": {
                "buckets": [
                    {
                        "key": "dinkes",
                        "doc_count": 3,
                        "name": {"buckets": [{"key": "Dinas Kesehatan"}]},
                    }
                ]
            }
        },
        "type": {"values": {"buckets": [{"key": "rilis", "doc_count": 2}]}},
    }
    parsed = facets.parse_facets(
        aggregations, {"opd": ("bpbd",)}, {"type": {"rilis": "Rilis berita"}}
    )
    assert parsed["opd"] == [
        {"value": "dinkes", "label": "Dinas Kesehatan", "count": 3, "selected": False},
        {"value": "bpbd", "label": "bpbd", "count": 0, "selected": True},
    ]
    assert parsed["type"] == [
        {"value": "rilis", "label": "Rilis berita", "count": 2, "selected": False}
    ]
    assert parsed["year"] == [] and parsed["kategori"] == []


def test_highlight_uses_raw_fields_and_its_own_exact_query():
    analyzed = aq("pengelolaan kontn", "kelola kontn", ["kelola isi"])
    body = highlight.highlight(analyzed)
    assert body["pre_tags"] == ["<mark>"] and body["post_tags"] == ["</mark>"]
    assert body["encoder"] == "html" and body["fragment_size"] == 160
    assert set(body["fields"]) == {"title", "summary", "body", "attachments"}
    match = body["highlight_query"]["multi_match"]
    # The citizen's words, then stems and expansions, each once; never fuzzy.
    assert match["query"] == "pengelolaan kontn kelola isi"
    assert match["fields"] == list(body["fields"])
    assert "fuzziness" not in match
    assert highlight.highlight(aq()) is None


def test_typo_highlight_is_a_small_exact_request_for_the_pages_hits():
    suggest = {
        "dym_title": [
            _entry("kontn", 0, [("konten", 0.8), ("kontak", 0.6)]),
            _entry("imunisasi", 6, [("imunisasinya", 0.7)]),
        ],
        "dym_body": [_entry("kontn", 0, [("konteks", 0.7), ("konten", 0.8)])],
    }
    body = highlight.typo_highlight_body(
        aq("kontn imunisasi", "kontn imunisasi"), suggest, ["kontn"], ["page:1"]
    )
    assert body["query"] == {"ids": {"values": ["page:1"]}}
    assert body["size"] == 1 and body["_source"] is False
    match = body["highlight"]["highlight_query"]["multi_match"]
    # The query's words, then the index's words close to the typo, best first,
    # each once; a known word's options are not added. Never fuzzy.
    assert match["query"] == "kontn imunisasi konten konteks kontak"
    assert "fuzziness" not in match


def test_typo_words_are_missing_from_a_field_and_marked_nowhere():
    suggest = {
        "dym_title": [
            _entry("kontn", 0, [("konten", 0.8)]),
            _entry("pengelolaan", 6, [("pengelola", 0.9)]),
            _entry("banten", 18, []),
        ],
        "dym_body": [_entry("kontn", 0, []), _entry("pengelolaan", 6, [])],
    }
    hits = [{"highlight": {"body": ["<mark>Pengelolaan</mark> situs"]}}, {}]
    assert highlight.typo_words(suggest, hits) == ["kontn"]
    assert highlight.typo_words({}, hits) == []


def _entry(text, offset, options):
    return {
        "text": text,
        "offset": offset,
        "length": len(text),
        "options": [{"text": t, "score": s, "freq": 1} for t, s in options],
    }


def test_did_you_mean_replaces_only_words_unknown_everywhere():
    assert suggest.did_you_mean("x")["dym_title"]["term"]["suggest_mode"] == "missing"
    response = {
        "dym_title": [
            _entry("imunisasi", 0, []),
            _entry("cmpk", 10, [("campak", 0.75), ("campur", 0.5)]),
        ],
        "dym_body": [_entry("imunisasi", 0, []), _entry("cmpk", 10, [("cepak", 0.5)])],
    }
    # Only the corrections are looked up (the index may still list deleted words).
    assert suggest.ambiguous_words(response) == ["campak", "campur", "cepak"]
    assert suggest.corrected_query("imunisasi cmpk", response) == "imunisasi campak"


def test_did_you_mean_keeps_a_word_one_field_holds():
    response = {
        "dym_title": [_entry("membangun", 0, [])],
        "dym_body": [_entry("membangun", 0, [("membantu", 0.8)])],
    }
    assert suggest.ambiguous_words(response) == ["membangun", "membantu"]
    assert suggest.corrected_query("membangun", response) is None
    assert suggest.corrected_query("membangun", response, {"membangun"}) == "membantu"
    body = suggest.known_words_body(["membangun"])
    assert body["aggs"]["known"]["filters"]["filters"]["membangun"] == {
        "bool": {
            "should": [
                {"term": {"title": "membangun"}},
                {"term": {"body": "membangun"}},
            ]
        }
    }
    response = {"aggregations": {"known": {"buckets": {"a": {"doc_count": 0}}}}}
    assert suggest.parse_unknown_words(response) == {"a"}


def test_autocomplete_is_a_completion_without_duplicates():
    body = suggest.autocomplete("pe")
    completion = body["suggest"]["autocomplete"]["completion"]
    assert body["suggest"]["autocomplete"]["prefix"] == "pe"
    assert completion == {"field": "suggest", "size": 8, "skip_duplicates": True}
    assert (
        "fuzzy"
        in suggest.autocomplete("pengel")["suggest"]["autocomplete"]["completion"]
    )


def test_compose_puts_facet_filters_in_post_filter_and_series_in_the_query():
    body = build_search_body(
        params("stunting", opd="dinkes", series="rb-tematik", page=3, page_size=5),
        analyzed=aq("stunting", "stunting"),
        exclude_ids=["page:7"],
    )
    assert body["from"] == 10 and body["size"] == 5
    assert body["_source"] == RESULT_SOURCE and "body" not in RESULT_SOURCE
    assert body["track_total_hits"] is True
    assert body["post_filter"] == {
        "bool": {"filter": [{"term": {"opd_slug": "dinkes"}}]}
    }
    scored = body["query"]["function_score"]["query"]["function_score"]["query"]
    assert scored["bool"]["filter"] == [{"term": {"series_slug": "rb-tematik"}}]
    assert scored["bool"]["must_not"] == [
        {"term": {"dip_kategori": "dikecualikan"}},
        {"ids": {"values": ["page:7"]}},
    ]
    assert scored["bool"]["must"] == [text.text_query(aq("stunting", "stunting"))]
    assert body["aggs"]["type"]["filter"] == {
        "bool": {"filter": [{"term": {"opd_slug": "dinkes"}}]}
    }
    assert body["suggest"]["text"] == "stunting"
    match = body["highlight"]["highlight_query"]["multi_match"]
    assert match["query"] == "stunting" and "fuzziness" not in match


def test_compose_without_words_browses_newest_first():
    body = build_search_body(params(""), analyzed=aq())
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"][0] == {"published": {"order": "desc", "missing": "_last"}}
    assert "highlight" not in body and "suggest" not in body
    assert "post_filter" not in body


def test_compose_with_nothing_searchable_in_the_words_finds_nothing():
    body = build_search_body(params("😀 信息"), analyzed=aq())
    scored = body["query"]["function_score"]["query"]["function_score"]["query"]
    assert scored["bool"]["must"] == [{"match_none": {}}]
    assert "sort" not in body and "suggest" not in body
