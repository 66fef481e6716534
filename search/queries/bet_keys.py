"""Which query keys have best bets: a set kept per process for one content
generation, so that most searches (no best bet) ask the database nothing for them.

The generation (``cms/core/content_generation.py``) costs one Redis round trip and
is read before the keys, so a set is never older than the generation it is kept
for. ``BestBet.save`` drops this process's set at once and bumps the generation
after its commit: every other process reads the keys again. The set may hold keys of
deleted, inactive or expired bets (a queryset ``delete()`` bumps nothing): such a
key costs the query it saves elsewhere, never a wrong result, since the database
query in ``bestbets.py`` decides what is shown. No generation (cache unreachable):
``may_have_bets`` says yes and the database is asked, as before.
"""

from collections.abc import Callable, Iterable

from cms.core.commit import after_commit_once
from cms.core.content_generation import bump_content_generation, ensure_generation

# (generation, keys), replaced as a whole: threads never see a mix.
_keys: tuple[int | None, frozenset[str]] = (None, frozenset())


def forget() -> None:
    """Drop this process's set (tests; ``changed``)."""
    global _keys
    _keys = (None, frozenset())


def changed() -> None:
    """A best bet was saved: drop the set here now, everywhere after the commit."""
    forget()
    after_commit_once(bump_content_generation)


def may_have_bets(key: str, read_keys: Callable[[], Iterable[str]]) -> bool:
    """False only when ``key`` surely has no best bet; ``read_keys`` reads every
    key from the database."""
    global _keys
    generation = ensure_generation()
    if generation is None:
        return True
    held_for, keys = _keys
    if held_for != generation:
        keys = frozenset(read_keys())
        _keys = (generation, keys)
    return key in keys
