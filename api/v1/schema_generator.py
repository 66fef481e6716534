"""The generator of the public OpenAPI schema: ``/api/`` only, never Wagtail's admin
API, whoever asks (the schema view, ``manage.py check --deploy``, the fuzz tests).
Its own module: settings name it, and drf_spectacular.views loads it on import."""

from django.urls import include, path
from drf_spectacular.generators import SchemaGenerator


class PublicSchemaGenerator(SchemaGenerator):
    def __init__(self, *args, patterns=None, **kwargs):
        # Built on first use: api.urls includes the schema views (no import cycle).
        patterns = patterns or [path("api/", include("api.urls"))]
        super().__init__(*args, patterns=patterns, **kwargs)
