"""Enforce the second factor on every request, not only after the login form.

A session signed in with the password alone, of a user who must use two-factor
sign-in, reaches only the login, logout and two-factor pages of the admin; any
other admin URL redirects to verification (or to enrolment when the user has no
authenticator yet). Outside the admin the session counts as anonymous, so the
password alone opens no restricted page or document either.
"""

from contextlib import suppress

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import NoReverseMatch, reverse
from django_otp.middleware import OTPMiddleware

from . import two_factor

# Reachable with the password alone (the rest of the admin needs both factors).
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_2fa_verify",
    "accounts_2fa_enrol",
)
ADMIN_URL_NAMES = ("wagtailadmin_home", "admin:index")


async def _anonymous():
    return AnonymousUser()


def _paths(names) -> tuple[str, ...]:
    found = []
    for name in names:
        with suppress(NoReverseMatch):  # e.g. the Django admin is not mounted
            found.append(reverse(name))
    return tuple(found)


class TwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``) plus enforcement.
    Goes right after ``AuthenticationMiddleware``."""

    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody is signed in: leave the session untouched, so anonymous answers
            # (API, cached portal pages) get no ``Vary: Cookie``.
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and two_factor.must_verify(user):
            path = request.path_info
            if path in _paths(OPEN_URL_NAMES):
                return self.get_response(request)
            if path.startswith(_paths(ADMIN_URL_NAMES)):
                target = (
                    "accounts_2fa_verify"
                    if two_factor.has_authenticator(user)
                    else "accounts_2fa_enrol"
                )
                return redirect_to_login(request.get_full_path(), reverse(target))
            request.user = AnonymousUser()
            request.auser = _anonymous
        return self.get_response(request)
