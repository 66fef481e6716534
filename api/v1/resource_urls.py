"""Routes of the read resources (see docs/api/resources.md). ``opd/`` (the list)
is in api/v1/urls.py."""

from django.urls import path

from api.v1.views import content, dip, opd, series, tags, tombstones

urlpatterns = [
    path("content/", content.ContentListView.as_view(), name="content-list"),
    path(
        "content/tombstones/",
        tombstones.ContentTombstoneListView.as_view(),
        name="content-tombstones",
    ),
    path(
        "content/<int:pk>/", content.ContentDetailView.as_view(), name="content-detail"
    ),
    path("opd/<str:slug>/", opd.OPDDetailView.as_view(), name="opd-detail"),
    path(
        "opd/<str:opd_slug>/content/<str:slug>/",
        content.OPDContentDetailView.as_view(),
        name="opd-content-detail",
    ),
    path("opd/<str:slug>/dip/", dip.OPDDIPView.as_view(), name="opd-dip"),
    path("dip/", dip.ProvinceDIPView.as_view(), name="dip"),
    path("series/", series.SeriesListView.as_view(), name="series-list"),
    path("series/<str:slug>/", series.SeriesDetailView.as_view(), name="series-detail"),
    path("tags/", tags.TagListView.as_view(), name="tag-list"),
    path("tags/<str:slug>/", tags.TagDetailView.as_view(), name="tag-detail"),
]
