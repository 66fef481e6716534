"""The API's own URI length limit: a URI longer than ``API_MAX_URI_LENGTH`` is a
414 in the API's JSON error shape, whichever server runs it (gunicorn refuses
request lines over 4,094 bytes with plain text, runserver over 65,536, uvicorn
never), so the schema can promise one answer. No legitimate call comes near it:
twenty filter values of a hundred characters each fit."""

from django.conf import settings
from django.utils.translation import gettext as _

from api.v1.errors import API_PATH_PREFIX, error_json_response

#: Below gunicorn's request-line limit (4,094 bytes, method and version included).
DEFAULT_MAX_URI_LENGTH = 4000


def max_uri_length() -> int:
    return getattr(settings, "API_MAX_URI_LENGTH", DEFAULT_MAX_URI_LENGTH)


def uri_too_long(request) -> bool:
    uri_length = len(request.META.get("PATH_INFO", "")) + len(
        request.META.get("QUERY_STRING", "")
    )
    return uri_length > max_uri_length() and request.path_info.startswith(
        API_PATH_PREFIX
    )


class URILengthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if uri_too_long(request):
            message = _("Alamat terlalu panjang (paling banyak %(max)d karakter).")
            return error_json_response(414, message % {"max": max_uri_length()})
        return self.get_response(request)
