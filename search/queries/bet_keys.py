"""Which query keys have best bets: a per-process set kept for one content generation
(``cms/core/generation_copies.py``), so that most searches (no best bet) ask the
database nothing for them.

Inside an API or portal request the generation is already known (read with the rate
limit or the page cache): no round trip of its own. Outside one (a task, a test) it
is read here. ``BestBet.save`` drops this process's copies at once and bumps the
generation after its commit: every other process reads the keys again. The set may
hold keys of deleted, inactive or expired bets (a queryset ``delete()`` bumps
nothing): such a key costs the query it saves elsewhere, never a wrong result, since
the database query in ``bestbets.py`` decides what is shown. No generation (cache
unreachable): ``may_have_bets`` says yes and the database is asked, as before.
"""

from collections.abc import Callable, Iterable

from cms.core import generation_copies
from cms.core.commit import after_commit_once
from cms.core.content_generation import bump_content_generation, ensure_generation

forget = generation_copies.forget  # tests: as a fresh process


def changed() -> None:
    """A best bet was saved: drop the copies here now, everywhere after the commit."""
    generation_copies.forget()
    after_commit_once(bump_content_generation)


def may_have_bets(key: str, read_keys: Callable[[], Iterable[str]]) -> bool:
    """False only when ``key`` surely has no best bet; ``read_keys`` reads every
    key from the database."""
    token = None
    if not generation_copies.known():
        generation = ensure_generation()
        if generation is None:
            return True
        token = generation_copies.answering_under(generation)
    try:
        keys = generation_copies.kept("best_bet_keys", lambda: frozenset(read_keys()))
    finally:
        if token is not None:
            generation_copies.done(token)
    return key in keys
