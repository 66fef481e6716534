from django.urls import include, path, re_path

from api.v1.errors import unknown_endpoint

urlpatterns = [
    path("v1/", include(("api.v1.urls", "api-v1"), namespace="v1")),
    # Last: any other /api/ path is the JSON 404, also under DEBUG.
    re_path(r"^(?P<rest>[\s\S]*)$", unknown_endpoint),
]
