"""Base classes of the public read endpoints (resources, feeds of changes).

``CachedReadMixin`` (api/v1/caching.py) adds ETag/Last-Modified, 304s,
Cache-Control and the server-side cache invalidated on publish; every resource view
inherits it through the classes here, so caching is the same everywhere.
"""

from rest_framework import generics, viewsets

from api.v1.caching import CachedReadMixin


class PublicReadViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    pass


class PublicListView(CachedReadMixin, generics.ListAPIView):
    pass


class PublicDetailView(CachedReadMixin, generics.RetrieveAPIView):
    pass
