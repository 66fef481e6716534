"""HTTP and server-side caching of public GETs (placeholder: no caching yet)."""


class CachedReadMixin:
    pass
