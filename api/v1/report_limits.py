"""Rate limits of complaint submissions and replies (mobile API and Open311), on top
of the general API budgets (``throttling.KeyOrAddressRateThrottle``).

Writing a report costs the province's verification team time, so an anonymous
caller may submit far less often than it may read: ``report_submit`` per address,
``report_submit_key`` per API key (an app or civic site that registered), and
``report_submit_email`` per reporter email, ``report_reply`` per address for the
reporter's replies (the token guard: guessing
tokens costs a request each). Rates live in
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``; a scope without a rate has no limit.
Counted with the same sliding window in Redis; Redis unreachable: allowed (fail
open), as the general budgets are.
"""

import hashlib

from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from api.v1.throttling import client_ip, parse_rate, spend
from cms.core.cache_client import CACHE_ERRORS

SUBMIT = "report_submit"
SUBMIT_KEYED = "report_submit_key"
SUBMIT_EMAIL = "report_submit_email"
REPLY = "report_reply"


def spend_report_budget(scope: str, request, key=None) -> int | None:
    """Count one request of ``scope``; None when allowed, else the seconds to wait.
    ``key``: the caller's API key (submissions only: keyed callers get their own
    budget)."""
    if key is not None and scope == SUBMIT:
        scope, ident = SUBMIT_KEYED, f"key:{key.pk}"
    else:
        ident = f"ip:{client_ip(request)}"
    limit = parse_rate(api_settings.DEFAULT_THROTTLE_RATES.get(scope))
    if limit is None:
        return None
    try:
        allowed, retry_after, _found = spend(f"{scope}:{ident}", *limit)
    except CACHE_ERRORS:
        return None
    return None if allowed else retry_after


def spend_email_budget(email: str) -> int | None:
    """Count one submission for the reporter's email (``report_submit_email``), so
    one person cannot flood from many addresses; None when allowed. The key holds a
    hash, never the address."""
    limit = parse_rate(api_settings.DEFAULT_THROTTLE_RATES.get(SUBMIT_EMAIL))
    if not email or limit is None:
        return None
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    try:
        allowed, retry_after, _found = spend(f"{SUBMIT_EMAIL}:{digest}", *limit)
    except CACHE_ERRORS:
        return None
    return None if allowed else retry_after


class _ReportThrottle(BaseThrottle):
    scope = ""

    def allow_request(self, request, view) -> bool:
        from api.keys.models import APIKey  # DRF imports throttles before apps load

        if request.method != "POST":
            return True
        key = request.auth if isinstance(request.auth, APIKey) else None
        self.retry_after = spend_report_budget(self.scope, request, key)
        return self.retry_after is None

    def wait(self):
        return self.retry_after


class ReportSubmitThrottle(_ReportThrottle):
    scope = SUBMIT


class ReportReplyThrottle(_ReportThrottle):
    scope = REPLY
