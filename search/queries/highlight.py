"""Highlighted fragments from the raw text fields.

Matching ran on the ``*_stem`` fields, whose text is not fit to show; the fragments
come from the raw fields, driven by their own ``highlight_query`` on the citizen's
words (typo-tolerant, like the match). Words found only through their stem or a
synonym are not marked: the fragment is still chosen from the best part of the text.
``encoder: html`` escapes the stored text, so the fragments are safe to render.
"""

from search.language.analysis import AnalyzedQuery

FRAGMENT_SIZE = 160
FIELDS = {
    "title": {"number_of_fragments": 0},  # the whole title
    "summary": {"number_of_fragments": 1},
    "body": {"number_of_fragments": 2},
    "attachments": {"number_of_fragments": 1},
}


def highlight(analyzed: AnalyzedQuery) -> dict | None:
    if not analyzed.normalized:
        return None
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fragment_size": FRAGMENT_SIZE,
        "highlight_query": {
            "multi_match": {
                "query": analyzed.normalized,
                "fields": list(FIELDS),
                "fuzziness": "AUTO",
                "prefix_length": 1,
            }
        },
        "fields": {name: dict(options) for name, options in FIELDS.items()},
    }
