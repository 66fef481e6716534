"""Rate limits of complaint submissions and replies through the mobile API and
Open311, on top of the general API budgets (``throttling.general_budget``). The
budgets themselves are the complaints' own (``cms.complaints.rate_limits``), spent
alike by the portal: one citizen, one budget, whichever door.
"""

from rest_framework.throttling import BaseThrottle

from api.v1.throttling import client_ip
from cms.complaints.rate_limits import (
    REPLY,
    SUBMIT,
    spend_email,
    spend_reply,
    spend_submission,
)

__all__ = ["REPLY", "SUBMIT", "spend_email_budget", "spend_report_budget"]


def spend_report_budget(scope: str, request, key=None) -> int | None:
    """Count one request of ``scope`` (``SUBMIT`` or ``REPLY``); None when allowed,
    else the seconds to wait. ``key``: the caller's API key (submissions only:
    keyed callers get their own budget)."""
    if scope == SUBMIT:
        return spend_submission(client_ip(request), key)
    return spend_reply(client_ip(request))


def spend_email_budget(email: str) -> int | None:
    """Count one submission for the reporter's email, so one person cannot flood
    from many addresses; None when allowed."""
    return spend_email(email)


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
