from django.urls import path

from api.v1.views.opd import OPDListView
from api.v1.views.search import SearchView, SuggestView

urlpatterns = [
    path("opd/", OPDListView.as_view(), name="opd-list"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/suggest/", SuggestView.as_view(), name="search-suggest"),
]
