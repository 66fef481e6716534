"""Base classes of the public read endpoints (resources, feeds of changes).

``CachedReadMixin`` (api/v1/caching.py) adds ETag/Last-Modified, 304s,
Cache-Control and the server-side cache invalidated on publish; every resource view
inherits it through the classes here, so caching is the same everywhere.
Authentication (API keys) and rate limits come from the REST_FRAMEWORK settings and
still apply to cached responses.

A view's output must depend only on the URL (path and query), the language and the
content: that is what the server-side cache is keyed by. A view that shows drafts
to some callers overrides ``shows_drafts``; one whose output depends on anything
else sets ``server_cache = False``.
"""

from rest_framework import generics, viewsets

from api.v1.caching import CachedReadMixin


class PublicReadViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    pass


class PublicListView(CachedReadMixin, generics.ListAPIView):
    pass


class PublicDetailView(CachedReadMixin, generics.RetrieveAPIView):
    pass
