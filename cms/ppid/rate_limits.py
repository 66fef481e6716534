"""The information-request budgets every door spends alike (portal /ppid/ and
API /api/v1/information-requests/): one citizen, one budget, whichever door.

``ppid_submit`` per client address, ``ppid_submit_email`` per requester email
(one person from many addresses), ``ppid_link`` per address for the secret-link
doors (the requester's page and objections: guessing tokens costs a request
each). Rates live in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` (env
``API_RATE_PPID_*``); counted by ``cms.core.rate_limits`` (sliding window, hashed
names, Redis down: allowed). Written by the portal/API helper (P2).
"""

from cms.core.rate_limits import spend_scope

SUBMIT = "ppid_submit"
SUBMIT_EMAIL = "ppid_submit_email"
LINK_USE = "ppid_link"


def spend_submission(address: str) -> int | None:
    """One request filed from ``address``; None when allowed, else seconds to wait."""
    return spend_scope(SUBMIT, address)


def spend_email(email: str | None) -> int | None:
    return spend_scope(SUBMIT_EMAIL, (email or "").strip().lower())


def spend_token_use(address: str) -> int | None:
    return spend_scope(LINK_USE, address)
