"""Per-process copies of small public lookups that API requests repeat: the public
OPDs (the ``?opd=`` filter), the ids of public series (an item's ``series``) and
Wagtail's site root paths (every page URL). An uncached list spent two of its four
queries on the first two, and every request a second Redis round trip on the last.

A copy is valid for one content generation (``cms/core/generation_copies.py``).
An API read learns the current generation in the rate limiter's Redis round trip,
with no round trip of its own (``CachedReadMixin`` asks for it and marks the request
through ``answering_under``). No generation known (Redis unreachable, no rate
limit, outside an API read): the database is read every time, as before.

Stale at most as the response cache is: between a commit and its bump. The copies
only narrow what is read (which OPD slugs exist, which series to show); which items
are public is still decided in each request's own query (``cms.core.visibility``).
"""

from wagtail.models import Site

from cms.content.selectors import public_series_ids as read_public_series_ids
from cms.core import generation_copies
from cms.core.generation_copies import done, forget, kept
from cms.opd.selectors import opd_list

__all__ = ["answering_under", "done", "forget", "public_opds", "public_series_ids"]


def answering_under(generation: int | None, request):
    """Mark the current request as answered under ``generation`` (None: unknown);
    ``done`` with the token when the response is final."""
    token = generation_copies.answering_under(generation)
    if generation is not None:
        # Where Wagtail's page URLs look first (``Page._get_site_root_paths``).
        request._wagtail_cached_site_root_paths = kept(
            "site_root_paths", Site.get_site_root_paths
        )
    return token


def public_opds(slugs) -> list:
    """The public OPDs with one of ``slugs``, in ``opd_list`` order."""
    wanted = set(slugs)
    if not generation_copies.known():
        return list(opd_list().filter(slug__in=wanted))
    every = kept("opds", lambda: tuple(opd_list()))
    return [opd for opd in every if opd.slug in wanted]


def public_series_ids() -> frozenset[int]:
    return kept("series", lambda: frozenset(read_public_series_ids()))
