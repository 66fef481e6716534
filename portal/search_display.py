"""What the search page shows, built from a ``SearchResult``: result rows with safe
snippets, facets with their inputs, active filters with remove links, and paging.

Every link is built from the parsed ``SearchParams`` (never from the raw query
string), so URLs are canonical, shareable and hold the whole state.
"""

import html
import math
import re
from dataclasses import replace
from urllib.parse import urlencode

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from search.queries.params import (
    DEFAULT_PAGE_SIZE,
    FILTER_NAMES,
    MAX_PAGE,
    SearchParams,
    facet_labels,
)

FACET_TITLES = {
    "opd": _("Perangkat daerah"),
    "type": _("Jenis informasi"),
    "kategori": _("Kategori DIP"),
    "year": _("Tahun"),
}
SNIPPET_FIELDS = ("summary", "body", "attachments")
SNIPPET_FRAGMENTS = 2
PAGE_WINDOW = 2  # page numbers shown either side of the current one

_MARK = re.compile(r"(</?mark>)")
_WORD = re.compile(r"\w+")


def safe_highlight(fragment: str) -> SafeString:
    """A fragment from Elasticsearch with only ``<mark>`` kept as markup.

    The engine's ``html`` encoder already escapes the text; this does not trust it:
    the text between marks is unescaped and escaped again (so ``&amp;`` stays one
    ampersand and any tag becomes text), and unbalanced marks are closed.
    """
    out, inside = [], False
    for part in _MARK.split(fragment):
        if part == "<mark>":
            if not inside:
                out.append(part)
                inside = True
        elif part == "</mark>":
            if inside:
                out.append(part)
                inside = False
        elif part:
            out.append(escape(html.unescape(part)))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308  (every text part escaped above)


def search_url(path: str, params: SearchParams, **changes) -> str:
    """``path`` with the state of ``params`` (changed by ``changes``) as a query."""
    state = replace(params, **changes) if changes else params
    pairs = [("q", state.q)] if state.q else []
    for name in FILTER_NAMES:
        pairs.extend((name, str(value)) for value in getattr(state, name))
    if state.page_size != DEFAULT_PAGE_SIZE:
        pairs.append(("page_size", str(state.page_size)))
    if state.page > 1:
        pairs.append(("page", str(state.page)))
    return f"{path}?{urlencode(pairs)}" if pairs else path


def result_rows(result) -> list[dict]:
    type_labels = facet_labels()["type"]  # translated once per language
    return [_row(hit, type_labels) for hit in result.results]


def _words(fragment: str) -> set[str]:
    return set(_WORD.findall(html.unescape(_MARK.sub("", fragment)).lower()))


def _distinct(fragments) -> list[str]:
    """Up to SNIPPET_FRAGMENTS fragments, none repeating a chosen one: a summary is
    often the body's first sentence again, and a reader should not meet it twice."""
    chosen, seen = [], []
    for fragment in fragments:
        words = _words(fragment)
        if any(words <= other or other <= words for other in seen):
            continue
        chosen.append(fragment)
        seen.append(words)
        if len(chosen) == SNIPPET_FRAGMENTS:
            break
    return chosen


def _row(hit, type_labels: dict[str, str]) -> dict:
    titles = hit.highlight.get("title")
    fragments = _distinct(
        fragment
        for field in SNIPPET_FIELDS
        for fragment in hit.highlight.get(field, ())
    )
    if fragments:
        snippet = mark_safe(" … ".join(safe_highlight(f) for f in fragments))  # noqa: S308
    else:
        snippet = hit.summary
    return {
        "title": safe_highlight(titles[0]) if titles else hit.title,
        "url": hit.url,
        "type": hit.type,
        "type_label": type_labels.get(hit.type, hit.type),
        "opd": hit.opd,
        "published": _moment(hit.published),
        "snippet": snippet,
        "promoted": hit.promoted,
    }


def _moment(value: str | None):
    """The index stores datetimes (ISO 8601); an older document may hold a date."""
    if not value:
        return None
    try:
        return parse_datetime(value) or parse_date(value)
    except ValueError:
        return None


def carried_state(params: SearchParams) -> list[tuple[str, str]]:
    """State the search form has no visible input for, kept as hidden fields."""
    pairs = [("series", value) for value in params.series]
    if params.page_size != DEFAULT_PAGE_SIZE:
        pairs.append(("page_size", str(params.page_size)))
    return pairs


def facet_groups(result, params: SearchParams) -> list[dict]:
    """Facets with values, in a fixed order; each value knows its input id."""
    groups = []
    for name, title in FACET_TITLES.items():
        values = result.facets.get(name) or []
        if not values:
            continue
        groups.append(
            {
                "name": name,
                "title": title,
                "values": [
                    {**value, "id": f"f-{name}-{value['value']}"} for value in values
                ],
                "selected": any(value["selected"] for value in values),
            }
        )
    return groups


def active_filters(path: str, result, params: SearchParams) -> list[dict]:
    """Each chosen filter value with its label and the URL without it."""
    labels = {
        (name, value["value"]): value["label"]
        for name, values in result.facets.items()
        for value in values
    }
    chosen = []
    for name, values in params.filters.items():
        if name not in FACET_TITLES:
            continue  # series: carried along, shown by its own page
        for value in values:
            rest = tuple(v for v in values if v != value)
            chosen.append(
                {
                    "facet": FACET_TITLES[name],
                    "label": labels.get((name, value), str(value)),
                    "remove_url": search_url(path, params, **{name: rest}, page=1),
                }
            )
    return chosen


def clear_filters_url(path: str, params: SearchParams) -> str:
    empty = dict.fromkeys(FACET_TITLES, ())
    return search_url(path, params, **empty, page=1)


def pagination(path: str, result, params: SearchParams) -> dict | None:
    """Previous/next and a window of page numbers with gaps; None for one page."""
    last = min(math.ceil(result.count / params.page_size), MAX_PAGE)
    if last <= 1 and params.page == 1:
        return None
    current = params.page
    shown = {1, last, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
    numbers, previous = [], 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number - previous > 1:
            numbers.append(None)  # a gap: "…"
        numbers.append(
            {
                "number": number,
                "url": search_url(path, params, page=number),
                "current": number == current,
            }
        )
        previous = number
    return {
        "previous": search_url(path, params, page=current - 1)
        if 1 < current <= last + 1
        else None,
        "next": search_url(path, params, page=current + 1) if current < last else None,
        "numbers": numbers,
        "last": last,
    }


def shown_range(result, params: SearchParams) -> tuple[int, int]:
    """The 1-based positions of the first and last result on this page."""
    first = params.offset + 1
    return first, min(params.offset + len(result.results), result.count)
