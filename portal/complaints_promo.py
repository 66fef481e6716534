"""Searches for "pengaduan", "lapor", "aduan", "keluhan"... lead to /lapor/.

Best bets (search/queries/bestbets.py) pin pages of the page tree for one exact
query; /lapor/ is a view, not a page, and the promotion should also answer
"pengaduan jalan rusak". So the search page shows a fixed promotion above the
results when any word of the query is one of these (the smallest clean way:
no model change, nothing for editors to keep in sync). "laporan" is left out on
purpose: "laporan keuangan" is a search for documents.
"""

import re

TERMS = frozenset(
    {
        "adu",
        "aduan",
        "mengadu",
        "pengaduan",
        "lapor",
        "melapor",
        "pelaporan",
        "keluhan",
        "mengeluh",
        "komplain",
        "aspirasi",
        "complaint",
        "complaints",
    }
)
_WORDS = re.compile(r"[^\W\d_]+")


def wants_complaints(q: str) -> bool:
    return any(word in TERMS for word in _WORDS.findall((q or "").lower()))
