"""Login lockout: django-axes' database handler with two limits.

``AXES_LOCKOUT_PARAMETERS`` is ``[["username", "ip_address"], "ip_address"]``: one
account guessed from one address is locked after ``AXES_FAILURE_LIMIT`` failures;
one address guessing many accounts after ``ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT``
(higher, so one mistyping office behind a shared NAT does not lock everyone out).
Axes itself has one limit for every parameter, so the address's count is mapped
onto the account's scale here.

A successful login forgets only that account's failures from that address: axes
would otherwise also forget every other account's failures from the address, so
anyone with a valid login could reset the counter between guesses.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.template.response import TemplateResponse


def _failures(attempts) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        account, address = self.get_user_attempts(request, credentials)
        failures = _failures(account)
        if _failures(address) >= settings.ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """Axes' locked-out answer: 429, in the admin's look, in Indonesian."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    response = TemplateResponse(request, "accounts/lockout.html", context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response.render()
