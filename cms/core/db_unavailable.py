"""The database unavailable for a moment (a PostgreSQL restart or failover, too
many connections, a lock or statement timeout) answers 503 with ``Retry-After``,
never 500: the request was fine and will work again shortly.

Django turns every exception into a response in the layer that raised it (view,
session or authentication middleware, Wagtail's page serving), always through the
``handler500`` of ``cms/urls.py`` (api/v1/errors.py), which asks
``is_database_unavailable`` first; DRF views ask it in their exception handler.
Persistent connections broken by the restart are replaced at the next request
(``CONN_HEALTH_CHECKS`` in the settings), so the site recovers without a restart.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 5
NO_STORE = "private, no-store"


def is_database_unavailable(exc: BaseException | None) -> bool:
    """True for errors that say the database cannot answer right now (connection
    refused or lost, server shutting down or starting, timeouts), as opposed to a
    bug in a query (``ProgrammingError``, ``IntegrityError``)."""
    return isinstance(exc, OperationalError | InterfaceError)


def retry_headers() -> dict[str, str]:
    return {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": NO_STORE}


def unavailable_page() -> HttpResponse:
    """The portal's 503 page: a plain template rendered without a request context,
    so nothing in it reaches for the database."""
    content = loader.get_template("503.html").render()
    response = HttpResponse(content, status=503)
    for name, value in retry_headers().items():
        response[name] = value
    return response
