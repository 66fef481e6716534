"""The complaint budgets every door spends alike: a citizen has one budget whether
they write through the portal (/lapor/), the mobile API or Open311.

Writing a report costs the province's verification team time, so a caller may
submit far less often than it may read: ``report_submit`` per client address,
``report_submit_key`` per API key instead (an app or civic site that registered),
``report_submit_email`` per reporter email (one person from many addresses), and
``report_reply`` per address for the reporter's replies (the token guard: guessing
tokens costs a request each). Rates live in
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` (env ``API_RATE_REPORT_*``); a scope
without a rate has no limit. Counted by ``cms.core.rate_limits`` (sliding window,
addresses and emails hashed with a key; Redis down: allowed).
"""

from cms.core.rate_limits import spend_scope

SUBMIT = "report_submit"
SUBMIT_KEYED = "report_submit_key"
SUBMIT_EMAIL = "report_submit_email"
REPLY = "report_reply"


def spend_submission(address: str, key=None) -> int | None:
    """One submission from ``address`` (or by API ``key``, which has a budget of its
    own); None when allowed, else the seconds to wait."""
    if key is not None:
        return spend_scope(SUBMIT_KEYED, f"key:{key.pk}")
    return spend_scope(SUBMIT, address)


def spend_email(email: str | None) -> int | None:
    """One submission for the reporter's email (any case, surrounding spaces)."""
    return spend_scope(SUBMIT_EMAIL, (email or "").strip().lower())


def spend_reply(address: str) -> int | None:
    return spend_scope(REPLY, address)
