"""Rate limits of information requests through the API, on top of the general
API budgets: the PPID's own budgets (``cms.ppid.rate_limits``), spent alike by
the portal's /ppid/ pages: one citizen, one budget, whichever door."""

from rest_framework.throttling import BaseThrottle

from api.v1.throttling import client_ip
from cms.ppid.rate_limits import spend_email, spend_submission, spend_token_use


def spend_email_budget(email: str | None) -> int | None:
    return spend_email(email)


class RequestSubmitThrottle(BaseThrottle):
    """One filing per POST from the client's address."""

    def allow_request(self, request, view) -> bool:
        if request.method != "POST":
            return True
        self.retry_after = spend_submission(client_ip(request))
        return self.retry_after is None

    def wait(self):
        return self.retry_after


class TokenUseThrottle(BaseThrottle):
    """Every use of a secret token (guessing costs a request each)."""

    def allow_request(self, request, view) -> bool:
        self.retry_after = spend_token_use(client_ip(request))
        return self.retry_after is None

    def wait(self):
        return self.retry_after
