"""The form a citizen's query is logged and pinned (best bets) under.

Kept apart from the query log so the models can normalise on save without importing
the code that writes them.
"""

import re

from search.language.normalize import normalize

# NIK (16 digits), telephone and account numbers: personal data a citizen may paste
# into a search box. Years and short numbers ("2025", "14") are kept.
_LONG_DIGITS = re.compile(r"\d{6,}")


def query_key(text: str) -> str:
    """The form a query is logged and matched (best bets) under."""
    return _LONG_DIGITS.sub("#", normalize(text))[:200].strip()
