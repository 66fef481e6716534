"""One JSON error shape for the whole API:

    {"error": {"status": 400, "code": "invalid_parameter",
               "message": "...", "fields": {"type": ["..."]}}}

``fields`` is present for parameter/body validation errors and names every bad
parameter. Everything DRF raises goes through ``exception_handler``; any other
exception is a bug and still answers in this shape (500) instead of an HTML page.
Errors are never cached (``Cache-Control: private, no-store``).

Outside DRF views, ``cms/urls.py`` points Django's ``handler404``/``handler500``
here: under ``/api/`` they answer in this shape, elsewhere with the portal's pages;
``unknown_endpoint`` is the last route under ``/api/`` (also with DEBUG).
The database unavailable for a moment is 503 with ``Retry-After``, not 500
(cms/core/db_unavailable.py).
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import is_valid_path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from cms.core import db_unavailable

logger = logging.getLogger(__name__)

API_PATH_PREFIX = "/api/"
NO_STORE = "private, no-store"
SAFE = ("GET", "HEAD")

CODES = {
    400: "invalid_parameter",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    414: "uri_too_long",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


def error_body(
    status_code: int, message: str, *, fields: dict | None = None, code: str = ""
) -> dict:
    body = {
        "status": status_code,
        "code": code or CODES.get(status_code, "error"),
        "message": str(message),
    }
    if fields:
        body["fields"] = {k: [str(m) for m in v] for k, v in fields.items()}
    return {"error": body}


def error_response(
    status_code: int,
    message: str,
    *,
    fields: dict | None = None,
    code: str = "",
    headers: dict | None = None,
) -> Response:
    """The error as a DRF response (inside API views)."""
    headers = {"Cache-Control": NO_STORE, **(headers or {})}
    body = error_body(status_code, message, fields=fields, code=code)
    return Response(body, status=status_code, headers=headers)


def error_json_response(
    status_code: int, message: str, *, headers: dict | None = None
) -> JsonResponse:
    """The error as a plain Django response (outside DRF: URL resolution, crashes)."""
    response = JsonResponse(error_body(status_code, message), status=status_code)
    response["Cache-Control"] = NO_STORE
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _unavailable_message() -> str:
    return _("Layanan sedang tidak tersedia sebentar. Silakan coba lagi nanti.")


def _flatten(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(key): [str(m) for m in (value if isinstance(value, list) else [value])]
            for key, value in detail.items()
        }
    if isinstance(detail, list):
        return {"non_field_errors": [str(m) for m in detail]}
    return {}


def _message(exc: exceptions.APIException) -> str:
    """Our own Indonesian wording for DRF's generic errors (its catalog is partly
    English); a message a view gave explicitly is kept."""
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return _("Terlalu banyak permintaan. Silakan coba lagi nanti.")
        seconds = max(1, int(exc.wait))
        return ngettext(
            "Terlalu banyak permintaan. Silakan coba lagi dalam %(seconds)d detik.",
            "Terlalu banyak permintaan. Silakan coba lagi dalam %(seconds)d detik.",
            seconds,
        ) % {"seconds": seconds}
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Metode ini tidak diizinkan untuk alamat ini.")
    if str(exc.detail) != str(exc.default_detail):
        return str(exc.detail)
    if isinstance(exc, exceptions.NotFound):
        return _("Data tidak ditemukan.")
    if isinstance(exc, exceptions.NotAcceptable):
        return _("API ini hanya menyajikan JSON (Accept: application/json).")
    return str(exc.detail)


def exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every exception of an API view becomes the shape."""
    set_rollback()
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if db_unavailable.is_database_unavailable(exc):
        logger.warning("API request failed: database unavailable (%s)", exc)
        headers = db_unavailable.retry_headers()
        return error_response(503, _unavailable_message(), headers=headers)
    if not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled API error", exc_info=exc)
        return error_response(500, _("Terjadi kesalahan pada server."))
    headers = {}
    if getattr(exc, "wait", None) is not None:
        headers["Retry-After"] = str(max(1, int(exc.wait)))
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        names = ", ".join(sorted(fields))
        return error_response(
            status.HTTP_400_BAD_REQUEST,
            _("Parameter tidak valid: %(names)s.") % {"names": names},
            fields=fields,
            headers=headers,
        )
    return error_response(exc.status_code, _message(exc), headers=headers)


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PATH_PREFIX)


def unknown_endpoint(request, rest=""):
    """The last route under /api/: an unknown endpoint answers the JSON 404 in every
    settings module (with DEBUG, Django answers resolver misses with its HTML debug
    page and never calls ``handler404``). A path missing only its slash is
    redirected, as ``APPEND_SLASH`` would (this route makes every path resolve)."""
    path = request.path_info
    if settings.APPEND_SLASH and not path.endswith("/") and request.method in SAFE:
        match = is_valid_path(f"{path}/", getattr(request, "urlconf", None))
        if match and match.func is not unknown_endpoint:
            full_path = request.get_full_path(force_append_slash=True)
            return HttpResponsePermanentRedirect(full_path)
    return error_json_response(404, _("Alamat API ini tidak dikenal."))


def handler404(request, exception=None):
    """Django's 404 handler: JSON under /api/ (an unknown endpoint), else the
    portal's page."""
    if _is_api(request):
        return error_json_response(404, _("Alamat API ini tidak dikenal."))
    return defaults.page_not_found(request, exception)


def handler500(request):
    """Django's 500 handler: JSON under /api/, else the portal's page; 503 when the
    database is unavailable for a moment."""
    if db_unavailable.is_database_unavailable(sys.exc_info()[1]):
        if _is_api(request):
            headers = db_unavailable.retry_headers()
            return error_json_response(503, _unavailable_message(), headers=headers)
        return db_unavailable.unavailable_page()
    if _is_api(request):
        return error_json_response(500, _("Terjadi kesalahan pada server."))
    return defaults.server_error(request)
