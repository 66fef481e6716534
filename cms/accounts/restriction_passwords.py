"""Lockout for Wagtail's shared-password restrictions (pages, document collections).

Those forms sign nobody in, so no ``authenticate()`` call reaches django-axes.
We report each wrong password to axes as a failed login of a pseudo-account named
after the restriction, so the same rules apply as on the login forms: 5 failures
for one restriction from one address, 20 from one address across everything, the
same cool-off, the same 429 answer, stored in PostgreSQL (Redis down changes
nothing).
"""

from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from wagtail.documents.views import serve as document_serve
from wagtail.views import authenticate_with_password as page_password_view

from .lockout import lockout_response


def _locked_by_axes(view, name: str):
    @wraps(view)
    def wrapped(request, restriction_id, *args, **kwargs):
        credentials = {"username": f"{name}:{restriction_id}"}
        posted = request.method == "POST"
        if posted and not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        response = view(request, restriction_id, *args, **kwargs)
        # Wagtail answers a right password with a redirect and re-renders the
        # form (200) for a wrong one.
        if posted and response.status_code == 200:
            user_login_failed.send(
                sender=__name__, credentials=credentials, request=request
            )
        return response

    return wrapped


page_password = _locked_by_axes(page_password_view, "page-restriction")
document_password = _locked_by_axes(
    document_serve.authenticate_with_password, "document-restriction"
)
