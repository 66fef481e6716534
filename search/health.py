"""Readiness checks of the public search (listed in ``settings.HEALTH_CHECKS``,
run by cms/core/health.py). Neither is critical: with Elasticsearch down search
answers from the database, and the outbox catches up after."""

from django.conf import settings

from cms.core.health import DEGRADED, OK, SKIPPED, Check, health_check

from .client import get_client
from .indexing.status import outbox_summary

TIMEOUT_SECONDS = 2
# Pending rows older than this mean the drain is not keeping up (worker or
# Elasticsearch down for a while).
OUTBOX_MAX_AGE_SECONDS = 300


@health_check()
def elasticsearch() -> Check:
    if not settings.ELASTICSEARCH_URL:
        return Check(SKIPPED, {"detail": "database search"})
    client = get_client().options(request_timeout=TIMEOUT_SECONDS, max_retries=0)
    cluster = client.cluster.health(timeout=f"{TIMEOUT_SECONDS}s")["status"]
    return Check(
        OK if cluster in ("green", "yellow") else DEGRADED, {"cluster": cluster}
    )


@health_check(uses_database=True)
def search_outbox() -> Check:
    summary = outbox_summary()
    age = summary.oldest_age_seconds
    limit = getattr(settings, "HEALTH_OUTBOX_MAX_AGE_SECONDS", OUTBOX_MAX_AGE_SECONDS)
    status = DEGRADED if age is not None and age > limit else OK
    details = {
        "pending": summary.pending,
        "failing": summary.failing,
        "oldest_age_seconds": age,
    }
    return Check(status, details)
