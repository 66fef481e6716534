"""Routes of API v1. Each area keeps its own route list (owned by its module)."""

from django.urls import include, path

from api.v1.views.opd import OPDListView
from api.v1.views.search import SearchView, SuggestView

urlpatterns = [
    path("opd/", OPDListView.as_view(), name="opd-list"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/suggest/", SuggestView.as_view(), name="search-suggest"),
    path("", include("api.v1.resource_urls")),
    path("", include("api.v1.report_urls")),
    path("", include("api.v1.information_request_urls")),
    path("", include("api.v1.preview_urls")),
    path("", include("api.v1.schema_urls")),
]
