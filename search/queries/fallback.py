"""Public search without Elasticsearch: the embedded default (``make run``) and the
fallback while Elasticsearch is down, on SQLite and PostgreSQL alike.

It ranks the same public pages with the same analysis as the index
(``fallback_rank.py`` over the stored search documents of ``fallback_corpus.py``):
Indonesian stems and compounds, synonyms and abbreviations, ranked partial matches,
typo correction with a "did you mean". Compared with the Elasticsearch path it has:
- the same parameters, filters, best bets, result rows and facet counts (the
  filters are applied in Python to the best ``MAX_RESULTS`` matches);
- no highlighted fragments;
- autocomplete from Wagtail's title autocomplete.
"""

import re

from wagtail.models import Page

from cms.content.models import ContentPage
from cms.core.visibility import is_withheld, only_public_for_search, public_pages
from cms.dip.models import DIPEntryPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage
from search.indexing.source import page_versions

from .facets import FACETS, parse_facets
from .fallback_corpus import current_corpus
from .fallback_rank import rank
from .params import SearchParams, facet_labels
from .results import PageDescriber, SearchResult, matches

MAX_RESULTS = 200
_NOT_WORD = re.compile(r"[^\w]+")
SEARCHED_MODELS = (ContentPage, SeriesPage, OPDPage, DIPEntryPage)


def database_search(params: SearchParams, pinned: list, describer: PageDescriber):
    pinned_ids = {p.pk for p in pinned}
    candidates, suggestion = _candidates(params.q, describer)
    rows = [
        (page, describer.facets(page))
        for page in candidates
        if page.pk not in pinned_ids
    ]
    filters = params.filters
    found = [page for page, values in rows if matches(values, filters)]
    start = params.offset
    hits = [describer.hit(p) for p in found[start : start + params.page_size]]
    if params.page == 1:
        hits = [describer.hit(p, promoted=True) for p in pinned] + hits
    return SearchResult(
        count=len(found) + len(pinned),
        results=hits,
        facets=_facets(rows, filters),
        suggestion=suggestion,
        page=params.page,
        page_size=params.page_size,
        backend="database",
    )


def database_autocomplete(q: str, size: int) -> list[dict]:
    words = plain_words(q)
    if not words:
        return []
    # Some extra candidates: exempted DIP entries are public pages but never offered
    # by search (as in the index), so they are dropped after the match.
    searchable = only_public_for_search(Page.objects.type(*SEARCHED_MODELS))
    ranked = [p.pk for p in searchable.autocomplete(words)[: size * 3]]
    pages = _searchable().filter(pk__in=ranked).specific().in_bulk()
    shown = [pages[pk] for pk in ranked if pk in pages and not is_withheld(pages[pk])]
    describer = PageDescriber()
    return [{"title": p.title, "url": describer.hit(p).url} for p in shown[:size]]


def _searchable():
    return public_pages().type(*SEARCHED_MODELS)


def plain_words(q: str) -> str:
    """Words only, lower case: SQLite's FTS5 reads quotes, ``*``, ``?`` and upper-case
    AND/OR/NOT/NEAR as syntax (and fails on an unbalanced quote)."""
    return " ".join(_NOT_WORD.sub(" ", q.lower()).split())


def _candidates(q: str, describer: PageDescriber) -> tuple[list, str | None]:
    qs, suggestion = _searchable(), None
    if q:
        corpus = current_corpus(page_versions(qs))
        with corpus.lock:  # another thread may be refreshing it
            ranking = rank(corpus, q, MAX_RESULTS)
        ranked, suggestion = ranking.ids, ranking.suggestion
    else:
        ranked = list(
            qs.order_by("-first_published_at").values_list("pk", flat=True)[
                :MAX_RESULTS
            ]
        )
    pages = qs.filter(pk__in=ranked).specific().in_bulk()
    ordered = [pages[pk] for pk in ranked if pk in pages]
    ordered = [p for p in ordered if not is_withheld(p)]
    describer.prepare(ordered)
    return ordered, suggestion


def _facets(rows, filters) -> dict[str, list[dict]]:
    """The same semantics as the Elasticsearch facets (each facet counted over the
    matches of the *other* filters), shaped as aggregations for ``parse_facets``."""
    aggregations = {}
    for name in FACETS:
        others = {n: v for n, v in filters.items() if n != name}
        counts: dict = {}
        names: dict = {}
        for _page, values in rows:
            value = values.get(name)
            if value is not None and matches(values, others):
                counts[value] = counts.get(value, 0) + 1
                names[value] = values.get("opd_name")
        if name == "year":
            order = sorted(counts, reverse=True)
        else:
            order = sorted(counts, key=lambda v: (-counts[v], v))
        buckets = [{"key": v, "doc_count": counts[v]} for v in order]
        if name == "opd":
            for bucket in buckets:
                bucket["name"] = {"buckets": [{"key": names[bucket["key"]]}]}
        aggregations[name] = {"values": {"buckets": buckets}}
    return parse_facets(aggregations, filters, facet_labels())
