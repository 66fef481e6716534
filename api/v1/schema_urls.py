"""OpenAPI 3 schema (JSON) and Swagger UI with self-hosted (sidecar) assets.

The schema covers ``/api/`` only (not Wagtail's admin API, which is not public).
"""

from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView


@extend_schema(exclude=True)
class PublicSchemaView(SpectacularJSONAPIView):
    def get(self, request, *args, **kwargs):
        # Built on first use: api.urls includes this module (no import cycle).
        self.patterns = [path("api/", include("api.urls"))]
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("schema/", PublicSchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="v1:schema"), name="docs"),
]
