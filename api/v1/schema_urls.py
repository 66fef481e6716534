"""OpenAPI 3 schema (JSON) and Swagger UI with self-hosted (sidecar) assets.

The schema covers ``/api/`` only (not Wagtail's admin API, which is not public).
"""

from django.urls import path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from api.v1.schema_generator import PublicSchemaGenerator


@extend_schema(exclude=True)
class PublicSchemaView(SpectacularJSONAPIView):
    generator_class = PublicSchemaGenerator


urlpatterns = [
    path("schema/", PublicSchemaView.as_view(), name="schema"),
    # The split view serves its start-up script as a file (?script=): the docs'
    # CSP allows no inline script (cms/core/security_headers.py).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="v1:schema", template_name="api_docs/swagger_ui.html"
        ),
        name="docs",
    ),
]
