"""The admin's middleware, left out of the public API's requests.

Sessions, signed-in users, the second factor, flash messages and editors'
redirects serve people using the admin and the portal's forms. The API under
``/api/`` authenticates by key or not at all and keeps no session
(``REST_FRAMEWORK``: no session authentication), yet paid for each of them on
every request, and a signed-in editor's API answers got ``Vary: Cookie``.

Each class here is the framework's own, subclassed (so Django's and Wagtail's
checks still find them): outside ``/api/`` it runs unchanged; under it the request
goes straight on. CSRF and the login lockout keep their own classes: the
deployment checks look for them by name, and both cost an API request nearly
nothing (its views are CSRF-exempt; the lockout acts on login forms).
"""

from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from cms.accounts.middleware import TwoFactorMiddleware

API_PREFIX = "/api/"


class _OutsideAPI:
    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        return super().__call__(request)


class Sessions(_OutsideAPI, SessionMiddleware):
    pass


class Authentication(_OutsideAPI, AuthenticationMiddleware):
    pass


class TwoFactor(_OutsideAPI, TwoFactorMiddleware):
    pass


class Messages(_OutsideAPI, MessageMiddleware):
    pass


class Redirects(_OutsideAPI, RedirectMiddleware):
    pass
