"""Public search: the one entry point for the portal and the API.

``search_public(params)`` answers from Elasticsearch (through the ``alias_name()``
alias) when ``ELASTICSEARCH_URL`` is set, else from the database (``fallback.py``).
Either way best bets come first on page 1, and a first-page search without filters
is counted in the anonymous query log.
"""

import logging

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.client import get_client
from search.documents import alias_name
from search.language.analysis import analyze_query

from .bestbets import pinned_pages
from .compose import build_search_body, build_suggest_body
from .facets import parse_facets
from .fallback import database_autocomplete, database_search
from .params import KATEGORI_LABELS, TYPE_LABELS, SearchParams
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
SEARCH_TIMEOUT = 5  # seconds, per attempt
SUGGEST_TIMEOUT = 2
HIGHLIGHT_FIELDS = ("title", "summary", "body", "attachments")

__all__ = [
    "SearchHit",
    "SearchParams",
    "SearchResult",
    "SearchUnavailable",
    "search_public",
    "suggest_public",
]


class SearchUnavailable(RuntimeError):
    """Elasticsearch cannot answer (down, timing out, index missing)."""


def search_public(params: SearchParams, *, record: bool = True) -> SearchResult:
    describer = PageDescriber()
    pinned = pinned_pages(params, describer)
    if settings.ELASTICSEARCH_URL:
        result = _elasticsearch(params, pinned, describer)
    else:
        result = database_search(params, pinned, describer)
    if record and params.page == 1 and not params.filters:
        # Refinements (pages, facet clicks) are not new searches.
        record_query(params.q, zero_results=result.count == 0)
    return result


def suggest_public(q: str, *, size: int = AUTOCOMPLETE_SIZE) -> list[dict]:
    """Autocomplete: ``[{"title", "url"}]`` for a typed prefix."""
    if len(q) < 2:
        return []
    if not settings.ELASTICSEARCH_URL:
        return database_autocomplete(q, size)
    body = build_suggest_body(q[:100])
    response = _call(body, timeout=SUGGEST_TIMEOUT)
    return parse_autocomplete(response)[:size]


def _elasticsearch(params, pinned, describer) -> SearchResult:
    analyzed = analyze_query(params.q)
    exclude = [f"page:{page.pk}" for page in pinned]
    body = build_search_body(params, analyzed=analyzed, exclude_ids=exclude)
    response = _call(body, timeout=SEARCH_TIMEOUT)
    count = response["hits"]["total"]["value"] + len(pinned)
    hits = [_hit(raw) for raw in response["hits"]["hits"]]
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
            {"type": TYPE_LABELS, "kategori": KATEGORI_LABELS},
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
            response = _call(known_words_body(ambiguous), timeout=SUGGEST_TIMEOUT)
        except SearchUnavailable:
            return None  # the results are there; the suggestion is optional
        unknown = parse_unknown_words(response)
    return corrected_query(text, suggest, unknown)


def _call(body: dict, *, timeout: float) -> dict:
    try:
        client = get_client().options(request_timeout=timeout, max_retries=1)
        return client.search(index=alias_name(), body=body).body
    except ApiError as error:
        # 404 (no index yet), 429, 5xx; a 400 would be our bug: log it loudly.
        level = logging.ERROR if error.meta.status == 400 else logging.WARNING
        logger.log(level, "search failed: %s", error, exc_info=level == logging.ERROR)
        raise SearchUnavailable(str(error)) from error
    except TransportError as error:  # connection refused, timeouts
        logger.warning("search unavailable: %s", error)
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
