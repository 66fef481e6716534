"""JSON and XML answers of GeoReport v2, and its error format.

The format is the URL's extension (``services.xml``, ``requests.json``). XML is
UTF-8 with its declaration and the specification's element names: a list is an
element named for the collection holding one element per item (``<services>`` of
``<service>``, ``<service_requests>`` of ``<request>``); booleans are ``true``/
``false`` and a missing value is an empty element. Errors are
``[{"code", "description"}]`` or ``<errors><error><code/><description/></error>``
with the HTTP status as the code.
"""

import json
import re
from datetime import date, datetime
from decimal import Decimal
from xml.etree.ElementTree import Element, SubElement, tostring

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"
NO_STORE = "private, no-store"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# Collection element -> item element.
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "errors": "error",
}


# Characters XML 1.0 cannot hold at all (a citizen's text may carry them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value) -> str:
    return _NOT_XML.sub("", _plain(value))


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float | Decimal):
        return format(value, "f") if isinstance(value, Decimal) else repr(value)
    return str(value)


def _append(parent: Element, name: str, value) -> None:
    element = SubElement(parent, name)
    if isinstance(value, dict):
        for key, item in value.items():
            _append(element, key, item)
    elif isinstance(value, list):
        for item in value:
            _append(element, ITEMS.get(name, "item"), item)
    else:
        element.text = _text(value)


def xml_bytes(root: str, value) -> bytes:
    """``value`` (a list of items, or one dict) under the element ``root``."""
    element = Element(root)
    items = value if isinstance(value, list) else None
    if items is None:
        for key, item in value.items():
            _append(element, key, item)
    else:
        for item in items:
            _append(element, ITEMS[root], item)
    return DECLARATION + tostring(element, encoding="unicode").encode()


def render(fmt: str, root: str, value, *, status=200, cache_control=NO_STORE):
    if fmt == "xml":
        response = HttpResponse(xml_bytes(root, value), content_type=XML_TYPE)
    else:
        body = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
        response = HttpResponse(body.encode(), content_type=JSON_TYPE)
    response.status_code = status
    response["Cache-Control"] = cache_control
    return response


def error(fmt: str, status: int, *descriptions: str, headers=None) -> HttpResponse:
    errors = [{"code": status, "description": str(d)} for d in descriptions]
    response = render(fmt, "errors", errors, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response
