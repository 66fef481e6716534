"""The one place that opens connections to Elasticsearch."""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.serializer import OrjsonSerializer


class SearchNotConfigured(RuntimeError):
    pass


@lru_cache(maxsize=4)
def _client(url: str) -> Elasticsearch:
    # orjson (already used for API responses) encodes bodies and decodes answers
    # several times faster than the standard library: CPU every search request pays.
    return Elasticsearch(
        url,
        request_timeout=10,
        retry_on_timeout=True,
        max_retries=2,
        serializer=OrjsonSerializer(),
    )


def get_client() -> Elasticsearch:
    if not settings.ELASTICSEARCH_URL:
        raise SearchNotConfigured("ELASTICSEARCH_URL is not set")
    return _client(settings.ELASTICSEARCH_URL)


def query_timeout(*, suggest: bool = False) -> float:
    """Seconds one public query may take before the database answers instead;
    autocomplete runs per keystroke and gets a third of it."""
    seconds = float(getattr(settings, "SEARCH_QUERY_TIMEOUT_SECONDS", 3.0))
    return seconds / 3 if suggest else seconds


def cluster_status() -> str:
    """green/yellow/red. The server has no rest-root: never use ping() or info()."""
    return get_client().cluster.health(timeout="5s")["status"]


def index_name(name: str) -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{name}"
