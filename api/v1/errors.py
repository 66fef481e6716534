"""One JSON error shape for the whole API:

    {"error": {"status": 400, "code": "invalid_parameter",
               "message": "...", "fields": {"type": ["..."]}}}

``fields`` is present for parameter/body validation errors and names every bad
parameter. Everything DRF raises goes through ``exception_handler``; any other
exception is a bug and still answers in this shape (500) instead of an HTML page.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

logger = logging.getLogger(__name__)

CODES = {
    400: "invalid_parameter",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    429: "rate_limited",
    503: "unavailable",
}


def error_response(
    status_code: int,
    message: str,
    *,
    fields: dict | None = None,
    code: str = "",
    headers: dict | None = None,
) -> Response:
    body = {
        "status": status_code,
        "code": code or CODES.get(status_code, "error"),
        "message": str(message),
    }
    if fields:
        body["fields"] = {k: [str(m) for m in v] for k, v in fields.items()}
    return Response({"error": body}, status=status_code, headers=headers)


def _flatten(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(key): [str(m) for m in (value if isinstance(value, list) else [value])]
            for key, value in detail.items()
        }
    if isinstance(detail, list):
        return {"non_field_errors": [str(m) for m in detail]}
    return {}


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled API error")
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
    return error_response(exc.status_code, exc.detail, headers=headers)
