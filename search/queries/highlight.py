"""Highlighted fragments from the raw text fields.

Matching ran on the ``*_stem`` fields, whose text is not fit to show; the fragments
come from the raw fields, driven by their own ``highlight_query``. That query is
exact (no fuzziness): the citizen's words, their stems and the synonym expansions,
so "pengelolaan" and "kelola" are both marked where the text holds them. A fuzzy
highlight query costs several times the search itself on common words, so it is only
sent for typos (``typo_words``): then a second, small request highlights again
just the page's hits (``fuzzy_highlight_body``). Words found only through another
form of their stem are not marked: the fragment is still the best part of the text.
``encoder: html`` escapes the stored text, so the fragments are safe to render.
"""

import re
from collections.abc import Mapping

from search.language.analysis import AnalyzedQuery

from .suggest import DID_YOU_MEAN_FIELDS

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


def highlight(analyzed: AnalyzedQuery, *, fuzzy: bool = False) -> dict | None:
    if not analyzed.normalized:
        return None
    match: dict = {"fields": list(FIELDS)}
    if fuzzy:
        match |= {"query": analyzed.normalized, "fuzziness": "AUTO", "prefix_length": 1}
    else:
        match["query"] = exact_words(analyzed)
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fragment_size": FRAGMENT_SIZE,
        "highlight_query": {"multi_match": match},
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


def fuzzy_highlight_body(analyzed: AnalyzedQuery, ids: list[str]) -> dict:
    """Typo-tolerant highlights for the documents ``ids`` only (no scoring)."""
    return {
        "query": {"ids": {"values": ids}},
        "size": len(ids),
        "_source": False,
        "track_total_hits": False,
        "highlight": highlight(analyzed, fuzzy=True),
    }
