"""Rate limits of the complaint pages, counted in the shared cache (Redis), so
every web worker sees the same counts.

- submissions per client address (``COMPLAINTS_RATE_ADDRESS``, default 5/h) and
  per reporter email (``COMPLAINTS_RATE_EMAIL``, default 10/d);
- tracking-code look-ups that find nothing, per address (``COMPLAINTS_RATE_LOOKUP``,
  default 20/h): the codes cannot be guessed, and this keeps anyone from trying.

Fixed windows (one INCR per check) are enough here: the limits are small and a
burst at a window edge costs little. With Redis down the fail-safe cache answers
like an empty cache (``incr`` raises ValueError) and the request is allowed:
the limit is a guard against floods, not a reason to turn citizens away.
Addresses and emails are hashed before they name a key: no personal data in Redis.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from cms.core.cache_client import CACHE_ERRORS

logger = logging.getLogger(__name__)

DEFAULTS = {
    "COMPLAINTS_RATE_ADDRESS": "5/h",
    "COMPLAINTS_RATE_EMAIL": "10/d",
    "COMPLAINTS_RATE_LOOKUP": "20/h",
}
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def rate(setting: str) -> tuple[int, int] | None:
    """``"5/h"`` -> (5, 3600); empty means no limit."""
    text = getattr(settings, setting, DEFAULTS[setting])
    if not text:
        return None
    number, period = str(text).split("/")
    return int(number), _PERIODS[period.strip()[0].lower()]


def _key(scope: str, ident: str, period: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ident}".encode()).hexdigest()
    window = int(time.time() // period)
    return f"complaints:rate:{scope}:{digest[:32]}:{period}:{window}"


def spend(scope: str, ident: str, setting: str) -> bool:
    """Count one attempt for ``ident``; False when over the limit."""
    limit = rate(setting)
    if limit is None or not ident:
        return True
    number, period = limit
    key = _key(scope, ident, period)
    try:
        cache.add(key, 0, timeout=period)
        count = cache.incr(key)
    except (ValueError, *CACHE_ERRORS):  # the cache is down: fail open
        return True
    if count > number:
        logger.info("complaints rate limit reached: %s", scope)
        return False
    return True


def submission_allowed(address: str, email: str) -> bool:
    allowed = spend("address", address, "COMPLAINTS_RATE_ADDRESS")
    if email:
        allowed = spend("email", email.strip().lower(), "COMPLAINTS_RATE_EMAIL") and (
            allowed
        )
    return allowed


def lookup_miss_allowed(address: str) -> bool:
    return spend("lookup", address, "COMPLAINTS_RATE_LOOKUP")


def lookups_blocked(address: str) -> bool:
    """True when this address used up its failed look-ups (checked before looking)."""
    limit = rate("COMPLAINTS_RATE_LOOKUP")
    if limit is None or not address:
        return False
    try:
        count = cache.get(_key("lookup", address, limit[1]), 0)
    except CACHE_ERRORS:
        return False
    return count >= limit[0]
