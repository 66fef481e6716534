"""Open311 GeoReport v2 routes, mounted at /open311/v2/ by cms/urls.py."""

from django.urls import path, re_path

from . import views

FORMAT = r"\.(?P<fmt>json|xml)"

urlpatterns = [
    re_path(rf"^services{FORMAT}$", views.service_list, name="open311-services"),
    re_path(
        rf"^services/(?P<code>[^/]+){FORMAT}$",
        views.service_definition,
        name="open311-service",
    ),
    re_path(rf"^requests{FORMAT}$", views.request_list, name="open311-requests"),
    re_path(
        rf"^requests/(?P<request_id>[^/]+){FORMAT}$",
        views.request_detail,
        name="open311-request",
    ),
    # Anything else under /open311/v2/ answers in the specification's error format.
    path("<path:rest>", views.not_found, {"fmt": "json"}, name="open311-unknown"),
]
