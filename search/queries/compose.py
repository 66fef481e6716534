"""The one function that composes the builders into a search request body."""

from search.language.analysis import AnalyzedQuery, analyze_query

from .boosts import boosted
from .facets import FACETS, facet_aggs, post_filter
from .filters import NEVER_SHOWN, excluded_ids, filter_clauses
from .highlight import highlight
from .params import SearchParams
from .suggest import autocomplete, did_you_mean
from .text import text_query

# What a result row shows: never the body or attachments (large, and not needed).
RESULT_SOURCE = ["title", "url", "kind", "opd_slug", "opd_name", "published", "summary"]


def build_search_body(
    params: SearchParams,
    *,
    analyzed: AnalyzedQuery | None = None,
    exclude_ids: tuple[str, ...] | list[str] = (),
) -> dict:
    """``analyzed`` defaults to ``analyze_query(params.q)``; ``exclude_ids`` are the
    ``_id`` of documents already shown as best bets."""
    if analyzed is None:
        analyzed = analyze_query(params.q)
    clauses = filter_clauses(params.filters)
    facet_filters = {n: c for n, c in clauses.items() if n in FACETS}
    must_not = [NEVER_SHOWN]
    excluded = excluded_ids(exclude_ids)
    if excluded:
        must_not.append(excluded)
    if params.q and not (analyzed.normalized or analyzed.stemmed):
        # Typed, but nothing searchable in it (emoji, another script): no results,
        # rather than "everything".
        text = {"match_none": {}}
    else:
        text = text_query(analyzed)
    query = {
        "bool": {
            "must": [text],
            "filter": [c for n, c in clauses.items() if n not in FACETS],
            "must_not": must_not,
        }
    }
    body: dict = {
        "from": params.offset,
        "size": params.page_size,
        "_source": RESULT_SOURCE,
        "track_total_hits": True,
        "aggs": facet_aggs(facet_filters),
    }
    if params.q:
        body["query"] = boosted(query)
        if analyzed.normalized:
            body["highlight"] = highlight(analyzed)
            body["suggest"] = did_you_mean(analyzed.normalized)
    else:
        # Browsing without words: newest first, the editorial weight is moot.
        body["query"] = query
        body["sort"] = [{"published": {"order": "desc", "missing": "_last"}}, "_doc"]
    filtered = post_filter(facet_filters)
    if filtered:
        body["post_filter"] = filtered
    return body


def build_suggest_body(q: str) -> dict:
    return autocomplete(q)
