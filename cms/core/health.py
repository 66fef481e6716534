"""Liveness and readiness for load balancers and operators (docs/operations.md).

- Liveness (``/healthz``, ``/healthz/live``): the process answers HTTP. It reads
  nothing, so a database or Redis outage never gets healthy web workers killed.
- Readiness (``/healthz/ready``): each dependency in ``settings.HEALTH_CHECKS`` is
  checked with a short timeout. HTTP 503 only when a *critical* check fails (the
  database: nothing can be served without it); Redis, Elasticsearch, S3, the
  search outbox and webhooks down or behind make the status ``degraded`` but keep
  200, because the site still serves (uncached, database search, no uploads).

Anonymous callers get the overall status only; the per-check report (latency,
counts, error text) is for staff and for callers sending ``HEALTH_TOKEN`` as a
bearer token. Never cached.

A check is a function marked with ``@health_check`` returning a ``Check`` (or
raising: it is then down). The list of dotted paths lives in the settings, so
search and webhook checks live in their own packages without cms importing them
(as cms/urls.py names URLconfs).
"""

import hmac
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN, SKIPPED = "ok", "degraded", "down", "skipped"


@dataclass
class Check:
    status: str = OK
    details: dict = field(default_factory=dict)


def health_check(*, critical: bool = False, uses_database: bool = False):
    """Declare a readiness check. ``critical``: down means the app cannot serve
    (503). ``uses_database``: run in the request's thread, after the database
    check, and skipped when the database is down; the others run concurrently, so
    the probe takes about as long as its slowest check, not their sum."""

    def mark(func):
        func.critical, func.uses_database = critical, uses_database
        return func

    return mark


def _run(name: str, check) -> dict:
    """The report of one check; a failure is reported, never raised."""
    started = time.monotonic()
    try:
        result = check()
        report = {"status": result.status, **result.details}
    except Exception as error:  # any failure of a dependency is its report
        logger.warning("Readiness check %s failed: %s", name, error)
        report = {"status": DOWN, "error": f"{type(error).__name__}: {error}"[:300]}
    report["latency_ms"] = round((time.monotonic() - started) * 1000, 1)
    report["critical"] = check.critical
    return report


def readiness() -> tuple[str, dict]:
    """Overall status and the report of every check in ``HEALTH_CHECKS``."""
    checks = {
        path.rsplit(".", 1)[-1]: import_string(path) for path in settings.HEALTH_CHECKS
    }
    reports = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        elsewhere = {
            name: pool.submit(_run, name, check)
            for name, check in checks.items()
            if not check.uses_database
        }
        database_down = False
        for name, check in checks.items():
            if not check.uses_database:
                continue
            if database_down:  # each would wait for its own connection attempt
                reports[name] = {"status": SKIPPED, "detail": "database down"}
                continue
            reports[name] = _run(name, check)
            if check.critical and reports[name]["status"] == DOWN:
                database_down = True
        reports.update({name: future.result() for name, future in elsewhere.items()})
    ordered = {name: reports[name] for name in checks}
    statuses = [
        (report["status"], checks[name].critical) for name, report in ordered.items()
    ]
    if (DOWN, True) in statuses:
        return DOWN, ordered
    if any(status in (DOWN, DEGRADED) for status, _ in statuses):
        return DEGRADED, ordered
    return OK, ordered


def _may_see_details(request) -> bool:
    token = getattr(settings, "HEALTH_TOKEN", "")
    sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and sent and hmac.compare_digest(sent.encode(), token.encode()):
        return True
    try:  # the session lives in the database, which may be the thing that is down
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_active and user.is_staff)
    except Exception:
        return False


@never_cache
@require_safe
def live(request):
    """Liveness: the process is up. Touches no dependency."""
    return JsonResponse({"status": OK})


@never_cache
@require_safe
def ready(request):
    """Readiness: 503 when the app cannot serve (a critical dependency is down)."""
    overall, checks = readiness()
    body = {"status": overall}
    if _may_see_details(request):
        body["checks"] = checks
    return JsonResponse(body, status=503 if overall == DOWN else 200)
