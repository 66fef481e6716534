"""Per-process copies of small public lookups, each valid for one content generation.

Requests repeat a few small reads whose answer changes only when public content
does: the public OPDs, the public series, Wagtail's site root paths, the province
home page. A copy is kept per process for the generation the current request is
answered under (``cms/core/content_generation.py``: bumped after every commit that
can change public output); a request under another generation reads again. The
caller that already read the generation for its own cache (the API's rate limiter,
the portal's page cache) marks the request with ``answering_under``; without a
known generation (Redis unreachable, outside such a request) every call reads
the database, as before. This process's own commits drop the copies at once.

Stale at most as the response and page caches are: between a commit and its bump.
"""

import contextvars

from cms.core.changes import PUBLIC_KINDS, Stage, subscribe

_generation: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "content_generation", default=None
)
# (generation, {name: value}), replaced as a whole: threads never see a mix.
_copies: tuple[int | None, dict] = (None, {})


def answering_under(generation: int | None) -> contextvars.Token:
    """Mark the current request as answered under ``generation`` (None: unknown);
    ``done`` with the token when the response is final."""
    return _generation.set(generation)


def done(token: contextvars.Token) -> None:
    _generation.reset(token)


def known() -> bool:
    return _generation.get() is not None


def forget(_changes=None) -> None:
    """Drop every copy (``COMMITTED`` subscriber; tests)."""
    global _copies
    _copies = (None, {})


def subscribe_to_changes() -> None:
    subscribe(forget, stage=Stage.COMMITTED, kinds=PUBLIC_KINDS)


def kept(name: str, read):
    """The value of ``read()`` kept for the request's generation."""
    global _copies
    generation = _generation.get()
    if generation is None:
        return read()
    held_for, values = _copies
    if held_for != generation:
        values = {}
        _copies = (generation, values)
    if name not in values:
        values[name] = read()
    return values[name]
