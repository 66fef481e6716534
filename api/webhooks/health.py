"""Readiness check of webhook deliveries (listed in ``settings.HEALTH_CHECKS``, run
by cms/core/health.py). Never critical: a failing OPD site is reported so an
operator looks, while the portal and the API serve as usual."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from cms.core.health import DEGRADED, OK, Check, health_check

from .models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

RECENT = timedelta(hours=24)


@health_check(uses_database=True)
def webhooks() -> Check:
    since = timezone.now() - RECENT
    failing = Q(status=DeliveryStatus.FAILED)
    abandoned = Q(status=DeliveryStatus.ABANDONED, created_at__gte=since)
    # Filtered first: the probe runs every few seconds, and a month of delivered
    # rows (the retention) is no reason to read them all each time.
    counts = WebhookDelivery.objects.filter(failing | abandoned).aggregate(
        failing=Count("pk", filter=failing),
        abandoned_24h=Count("pk", filter=abandoned),
    )
    failing_endpoints = WebhookEndpoint.objects.filter(
        active=True, consecutive_failures__gt=0
    ).count()
    details = {**counts, "failing_endpoints": failing_endpoints}
    status = DEGRADED if counts["failing"] or counts["abandoned_24h"] else OK
    return Check(status, details)
