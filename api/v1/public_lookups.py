"""Per-process copies of small public lookups that API requests repeat: the public
OPDs (the ``?opd=`` filter), the ids of public series (an item's ``series``) and
Wagtail's site root paths (every page URL). An uncached list spent two of its four
queries on the first two, and every request a second Redis round trip on the last.

A copy is valid for one content generation (``cms/core/content_generation.py``:
the number bumped after every commit that can change public output). An API read
learns the current generation in the rate limiter's Redis round trip, with no round
trip of its own (``CachedReadMixin`` asks for it and marks the request through
``answering_under``); a copy made under another generation is read again from the
database. This process's own commits also drop the copies at once (the change
events' after-commit stage). No generation known (Redis unreachable, no rate
limit, outside an API read): the database is read every time, as before.

Stale at most as the response cache is: between a commit and its bump. The copies
only narrow what is read (which OPD slugs exist, which series to show); which items
are public is still decided in each request's own query (``cms.core.visibility``).
"""

import contextvars

from wagtail.models import Site

from cms.content.selectors import public_series_ids as read_public_series_ids
from cms.core.changes import PUBLIC_KINDS, Stage, subscribe
from cms.opd.selectors import opd_list

_generation: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "api_content_generation", default=None
)
# (generation, {name: value}), replaced as a whole: threads never see a mix.
_copies: tuple[int | None, dict] = (None, {})


def answering_under(generation: int | None, request) -> contextvars.Token:
    """Mark the current request as answered under ``generation`` (None: unknown);
    ``done`` with the token when the response is final."""
    token = _generation.set(generation)
    if generation is not None:
        # Where Wagtail's page URLs look first (``Page._get_site_root_paths``).
        request._wagtail_cached_site_root_paths = _copy(
            "site_root_paths", Site.get_site_root_paths
        )
    return token


def done(token: contextvars.Token) -> None:
    _generation.reset(token)


def forget(_changes=None) -> None:
    """Drop every copy (``COMMITTED`` subscriber; tests)."""
    global _copies
    _copies = (None, {})


def subscribe_to_changes() -> None:
    subscribe(forget, stage=Stage.COMMITTED, kinds=PUBLIC_KINDS)


def _copy(name: str, read):
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


def public_opds(slugs) -> list:
    """The public OPDs with one of ``slugs``, in ``opd_list`` order."""
    wanted = set(slugs)
    if _generation.get() is None:
        return list(opd_list().filter(slug__in=wanted))
    every = _copy("opds", lambda: tuple(opd_list()))
    return [opd for opd in every if opd.slug in wanted]


def public_series_ids() -> frozenset[int]:
    return _copy("series", lambda: frozenset(read_public_series_ids()))
