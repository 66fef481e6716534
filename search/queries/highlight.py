"""Highlighted fragments from the raw text fields.

Matching ran on the ``*_stem`` fields, whose text is not fit to show; the fragments
come from the raw fields, driven by their own ``highlight_query``. That query is
exact (no fuzziness): the citizen's words, their stems and the synonym expansions,
so "pengelolaan" and "kelola" are both marked where the text holds them.

A typo ("cmpak") is marked nowhere by that query. The search request's own term
suggester already names the index's words close to it ("campak"): when a typo is
marked on none of the page's hits (``typo_words``), a second, small request
highlights just those hits again, with those words added (``typo_highlight_body``),
still exact. A fuzzy highlight query would mark every close word, but it builds its
edit-distance automata for every hit and field: 74 ms of Elasticsearch per typo
search against about 15 for the whole search (docs/search-speed.md). Words found
only through another form of their stem are not marked: the fragment is still the
best part of the text. ``encoder: html`` escapes the stored text, so the fragments
are safe to render.
"""

import re
from collections.abc import Iterable, Mapping

from search.language.analysis import AnalyzedQuery

from .suggest import DID_YOU_MEAN_FIELDS, close_words

FRAGMENT_SIZE = 160
MARKED = re.compile(r"<mark>([^<]*)</mark>")
FIELDS = {
    "title": {"number_of_fragments": 0},  # the whole title
    "summary": {"number_of_fragments": 1},
    "body": {"number_of_fragments": 2},
    "attachments": {"number_of_fragments": 1},
}


def exact_words(analyzed: AnalyzedQuery) -> str:
    """The citizen's words, then their stems and expansions, each once."""
    texts = [analyzed.normalized, analyzed.stemmed, *analyzed.expansions]
    return " ".join(dict.fromkeys(w for t in texts if t for w in t.split()))


def highlight(analyzed: AnalyzedQuery, *, also: Iterable[str] = ()) -> dict | None:
    """The request's ``highlight``: exact marks for the query's words and ``also``."""
    if not analyzed.normalized:
        return None
    words = exact_words(analyzed)
    if also:
        words = " ".join(dict.fromkeys([*words.split(), *also]))
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fragment_size": FRAGMENT_SIZE,
        "highlight_query": {"multi_match": {"query": words, "fields": list(FIELDS)}},
        "fields": {name: dict(options) for name, options in FIELDS.items()},
    }


def typo_words(suggest: Mapping, raw_hits: list[dict]) -> list[str]:
    """Words of the query that may be typos and that no fragment of the page marks:
    some did-you-mean field lacks them (the term suggester, in ``missing`` mode,
    proposed corrections there). Only a fuzzy highlight can mark those."""
    absent = {
        entry["text"]
        for field in DID_YOU_MEAN_FIELDS
        for entry in suggest.get(f"dym_{field}", [])
        if entry["options"]
    }
    if not absent:
        return []
    marked = {
        word.lower()
        for raw in raw_hits
        for fragments in raw.get("highlight", {}).values()
        for fragment in fragments
        for word in MARKED.findall(fragment)
    }
    return sorted(absent - marked)


def typo_highlight_body(
    analyzed: AnalyzedQuery, suggest: Mapping, typos: Iterable[str], ids: list[str]
) -> dict:
    """The marks again for the documents ``ids`` only (no scoring), with the words
    close to ``typos`` marked too."""
    return {
        "query": {"ids": {"values": ids}},
        "size": len(ids),
        "_source": False,
        "track_total_hits": False,
        "highlight": highlight(analyzed, also=close_words(suggest, typos)),
    }
