"""Routes of the read resources (see docs/api/resources.md). ``opd/`` (the list)
is in api/v1/urls.py."""

from django.urls import path, register_converter

from api.v1.views import content, dip, images, opd, series, tags, tombstones


class SlugSegmentConverter:
    """A path segment holding a slug: Wagtail slugs may be Unicode, so anything
    but "/" and NUL (which PostgreSQL refuses; a 404, not a 500)."""

    regex = "[^/\x00]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SlugSegmentConverter, "segment")

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
    path("opd/<segment:slug>/", opd.OPDDetailView.as_view(), name="opd-detail"),
    path(
        "opd/<segment:opd_slug>/content/<segment:slug>/",
        content.OPDContentDetailView.as_view(),
        name="opd-content-detail",
    ),
    path("opd/<segment:slug>/dip/", dip.OPDDIPView.as_view(), name="opd-dip"),
    path("dip/", dip.ProvinceDIPView.as_view(), name="dip"),
    path("series/", series.SeriesListView.as_view(), name="series-list"),
    path(
        "series/<segment:slug>/",
        series.SeriesDetailView.as_view(),
        name="series-detail",
    ),
    path("images/<int:pk>/", images.ImageDetailView.as_view(), name="image-detail"),
    path("tags/", tags.TagListView.as_view(), name="tag-list"),
    path("tags/<segment:slug>/", tags.TagDetailView.as_view(), name="tag-detail"),
]
