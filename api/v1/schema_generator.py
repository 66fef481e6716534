"""The generator of the public OpenAPI schema: ``/api/`` only, never Wagtail's admin
API, whoever asks (the schema view, ``manage.py check --deploy``, the fuzz tests).
Its own module: settings name it, and drf_spectacular.views loads it on import.

It also adds what every operation can answer whatever its view: 414 for an
over-long URI (``api/v1/uri_limit.py``; in front of it, gunicorn answers still longer
request lines with its own plain-text 414), and that list parameters are never
empty."""

from django.urls import include, path
from drf_spectacular.generators import SchemaGenerator

ERROR_REF = {"$ref": "#/components/schemas/Error"}
URI_TOO_LONG = {
    "description": "Alamat (path dan query) terlalu panjang.",
    "content": {
        "application/json": {"schema": ERROR_REF},
        "text/plain": {"schema": {"type": "string"}},
    },
}


class PublicSchemaGenerator(SchemaGenerator):
    def __init__(self, *args, patterns=None, **kwargs):
        # Built on first use: api.urls includes the schema views (no import cycle).
        patterns = patterns or [path("api/", include("api.urls"))]
        super().__init__(*args, patterns=patterns, **kwargs)

    def get_schema(self, request=None, public=False):
        schema = super().get_schema(request=request, public=public)
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                if isinstance(operation, dict) and "responses" in operation:
                    operation["responses"].setdefault("414", URI_TOO_LONG)
                    _lists_need_a_value(operation)
        return schema


def _lists_need_a_value(operation: dict) -> None:
    """A comma-separated list sent empty (``type=``) is a 400, as a blank value
    in it is (``api/v1/filters.py``): say so, or ``type=`` reads as an empty list."""
    for parameter in operation.get("parameters", []):
        if parameter.get("schema", {}).get("type") == "array":
            parameter["schema"].setdefault("minItems", 1)
