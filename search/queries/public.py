"""Public search: the one entry point for the portal and the API.

``search_public(params)`` answers from Elasticsearch (through the ``alias_name()``
alias) when ``ELASTICSEARCH_URL`` is set, else from the database (``fallback.py``).
Either way best bets come first on page 1, and a first-page search without filters
is counted in the anonymous query log.

When Elasticsearch is configured but cannot answer (down, timing out, index
missing), the database answers instead and the result says so (``degraded``): the
portal shows a "hasil terbatas" notice, the API a flag. Search never fails because
the engine is down; ``breaker.py`` keeps a down engine from slowing every request.
"""

import logging
from contextlib import suppress

from django.conf import settings

from search.client import query_timeout
from search.documents import alias_name
from search.language.analysis import analyze_query

from . import breaker, es_http
from .bestbets import pinned_pages
from .compose import build_search_body, build_suggest_body
from .facets import parse_facets
from .fallback import database_autocomplete, database_search
from .highlight import typo_highlight_body, typo_words
from .params import SearchParams, facet_labels
from .querylog import record_query
from .results import PageDescriber, SearchHit, SearchResult
from .suggest import (
    AUTOCOMPLETE_SIZE,
    ambiguous_words,
    corrected_query,
    known_words_body,
    parse_autocomplete,
    parse_unknown_words,
)

logger = logging.getLogger(__name__)

# "Did you mean" is offered when the query found this many results or fewer.
SUGGESTION_MAX_COUNT = 3
DEGRADED_REASON = "search_engine_unavailable"
HIGHLIGHT_FIELDS = ("title", "summary", "body", "attachments")

__all__ = [
    "SearchHit",
    "SearchParams",
    "SearchResult",
    "SearchUnavailable",
    "Suggestions",
    "search_public",
    "suggest_public",
]


class SearchUnavailable(RuntimeError):
    """Elasticsearch cannot answer (down, timing out, index missing)."""


class Suggestions(list):
    """Autocomplete rows ``[{"title", "url"}]``, plus whether they came from the
    database because Elasticsearch could not answer."""

    degraded: bool = False
    degraded_reason: str | None = None


def search_public(params: SearchParams, *, record: bool = True) -> SearchResult:
    describer = PageDescriber()
    pinned = pinned_pages(params, describer)
    result = None
    if settings.ELASTICSEARCH_URL:
        with suppress(SearchUnavailable):  # logged by _call; the database answers
            result = _elasticsearch(params, pinned, describer)
    if result is None:
        result = database_search(params, pinned, describer)
        if settings.ELASTICSEARCH_URL:
            result.degraded_reason = DEGRADED_REASON
    if record and params.page == 1 and not params.filters:
        # Refinements (pages, facet clicks) are not new searches.
        record_query(params.q, zero_results=result.count == 0)
    return result


def suggest_public(q: str, *, size: int = AUTOCOMPLETE_SIZE) -> Suggestions:
    """Autocomplete: ``[{"title", "url"}]`` for a typed prefix."""
    if len(q) < 2:
        return Suggestions()
    if settings.ELASTICSEARCH_URL:
        body = build_suggest_body(q[:100])
        with suppress(SearchUnavailable):
            response = _call(body, timeout=query_timeout(suggest=True))
            return Suggestions(parse_autocomplete(response)[:size])
    rows = Suggestions(database_autocomplete(q, size))
    if settings.ELASTICSEARCH_URL:
        rows.degraded, rows.degraded_reason = True, DEGRADED_REASON
    return rows


def _elasticsearch(params, pinned, describer) -> SearchResult:
    analyzed = analyze_query(params.q)
    exclude = [f"page:{page.pk}" for page in pinned]
    body = build_search_body(params, analyzed=analyzed, exclude_ids=exclude)
    response = _call(body, timeout=query_timeout())
    count = response["hits"]["total"]["value"] + len(pinned)
    raw_hits = response["hits"]["hits"]
    _mark_typos(analyzed, response.get("suggest", {}), raw_hits)
    hits = [_hit(raw) for raw in raw_hits]
    if params.page == 1:
        hits = [describer.hit(page, promoted=True) for page in pinned] + hits
    suggestion = None
    if analyzed.normalized and count <= SUGGESTION_MAX_COUNT:
        suggestion = _suggestion(analyzed.normalized, response.get("suggest", {}))
    return SearchResult(
        count=count,
        results=hits,
        facets=parse_facets(
            response.get("aggregations", {}),
            params.filters,
            facet_labels(),
        ),
        suggestion=suggestion,
        page=params.page,
        page_size=params.page_size,
        backend="elasticsearch",
    )


def _suggestion(text: str, suggest: dict) -> str | None:
    unknown: set[str] = set()
    ambiguous = ambiguous_words(suggest)
    if ambiguous:
        try:
            response = _call(
                known_words_body(ambiguous), timeout=query_timeout(suggest=True)
            )
        except SearchUnavailable:
            return None  # the results are there; the suggestion is optional
        unknown = parse_unknown_words(response)
    return corrected_query(text, suggest, unknown)


def _mark_typos(analyzed, suggest: dict, raw_hits: list[dict]) -> None:
    """The page's highlights again, with the index's words close to a typo, when a
    query word is missing from a field and marked nowhere on the page (a likely
    typo): the exact highlight of the search request cannot mark it."""
    typos = typo_words(suggest, raw_hits) if raw_hits else []
    if not typos:
        return
    ids = [raw["_id"] for raw in raw_hits]
    body = typo_highlight_body(analyzed, suggest, typos, ids)
    try:
        response = _call(body, timeout=query_timeout())
    except SearchUnavailable:
        return  # the results are there; the marks are optional
    marks = {raw["_id"]: raw.get("highlight") for raw in response["hits"]["hits"]}
    for raw in raw_hits:
        if marks.get(raw["_id"]):
            raw["highlight"] = marks[raw["_id"]]


def _call(body: dict, *, timeout: float) -> dict:
    """One ``_search``, no retry: a failure is answered from the database at once."""
    url = settings.ELASTICSEARCH_URL
    if breaker.is_open(url):
        raise SearchUnavailable("Elasticsearch failed recently: not asked again yet")
    try:
        return es_http.endpoint(url).post(
            f"/{alias_name()}/_search", body, timeout=timeout
        )
    except es_http.SearchHTTPError as error:
        # 404 (no index yet), 429, 5xx; a 400 would be our bug: log it loudly.
        status = error.status
        level = logging.ERROR if status == 400 else logging.WARNING
        logger.log(level, "search failed: %s", error, exc_info=level == logging.ERROR)
        if status == 429 or status >= 500:  # overloaded or broken: give it a rest
            breaker.trip(url)
        raise SearchUnavailable(str(error)) from error
    except es_http.SearchConnectionError as error:  # refused, reset, timed out
        logger.warning("search unavailable: %s", error)
        breaker.trip(url)
        raise SearchUnavailable(str(error)) from error


def _hit(raw: dict) -> SearchHit:
    source = raw.get("_source", {})
    slug = source.get("opd_slug")
    highlight = raw.get("highlight", {})
    return SearchHit(
        title=source.get("title", ""),
        url=source.get("url"),
        type=source.get("kind", ""),
        opd={"slug": slug, "name": source.get("opd_name") or slug} if slug else None,
        published=source.get("published"),
        summary=source.get("summary") or "",
        highlight={f: highlight[f] for f in HIGHLIGHT_FIELDS if f in highlight},
    )
