"""Rate limits of the complaint pages, counted in the shared cache (Redis), so
every web worker sees the same counts.

- submissions: the complaints' own budgets (``cms.complaints.rate_limits``), the
  same the mobile API and Open311 spend: ``report_submit`` per client address and
  ``report_submit_email`` per reporter email (env ``API_RATE_REPORT_SUBMIT``,
  default 10/hour, and ``API_RATE_REPORT_SUBMIT_EMAIL``, 10/day): a citizen has one
  budget whichever door they use;
- tracking-code look-ups that find nothing, per address (``COMPLAINTS_RATE_LOOKUP``,
  default 20/h), portal only: the codes cannot be guessed, and this keeps anyone
  from trying. A fixed window (one INCR per miss) is enough, and lets a look-up
  check the count before looking without spending it.

With Redis down every request is allowed: the limits are a guard against floods,
not a reason to turn citizens away (the fail-safe cache answers like an empty one;
``incr`` raises ValueError). Addresses and emails are hashed with a key
(``hashed_ident``) before they name a counter: no personal data in Redis.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from cms.complaints.rate_limits import spend_email, spend_submission
from cms.core.cache_client import CACHE_ERRORS
from cms.core.rate_limits import hashed_ident, parse_rate

logger = logging.getLogger(__name__)

LOOKUP_DEFAULT = "20/h"


def submission_allowed(address: str, email: str) -> bool:
    """Spends the address's submission budget, then (when allowed) the email's."""
    if spend_submission(address) is not None or spend_email(email) is not None:
        logger.info("complaints rate limit reached: submission")
        return False
    return True


def spend_honeypot(address: str) -> None:
    """A bot that fills the honeypot spends its address's budget all the same."""
    spend_submission(address)


def _lookup_limit() -> tuple[int, int] | None:
    return parse_rate(getattr(settings, "COMPLAINTS_RATE_LOOKUP", LOOKUP_DEFAULT))


def _lookup_key(address: str, period: int) -> str:
    window = int(time.time() // period)
    return f"complaints:rate:lookup:{hashed_ident(address)}:{period}:{window}"


def lookup_miss_allowed(address: str) -> bool:
    """Count one look-up that found nothing; False when over the limit."""
    limit = _lookup_limit()
    if limit is None or not address:
        return True
    number, period = limit
    key = _lookup_key(address, period)
    try:
        cache.add(key, 0, timeout=period)
        count = cache.incr(key)
    except (ValueError, *CACHE_ERRORS):  # the cache is down: fail open
        return True
    if count > number:
        logger.info("complaints rate limit reached: lookup")
        return False
    return True


def lookups_blocked(address: str) -> bool:
    """True when this address used up its failed look-ups (checked before looking)."""
    limit = _lookup_limit()
    if limit is None or not address:
        return False
    try:
        count = cache.get(_lookup_key(address, limit[1]), 0)
    except CACHE_ERRORS:
        return False
    return count >= limit[0]
