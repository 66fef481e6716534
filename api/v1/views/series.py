"""Series: GET /series/ and /series/<slug>/ (with its ordered public items)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema

from api.v1.base import PublicDetailView, PublicListView
from api.v1.pagination import StableCursorPagination
from api.v1.serializers.errors import error_responses
from api.v1.serializers.images import image_prefetch
from api.v1.serializers.series import SeriesDetailSerializer, SeriesSerializer
from cms.content.selectors import series_items_for_listing
from cms.series.selectors import public_series


def _series():
    return public_series().prefetch_related(image_prefetch("cover_image"))


@extend_schema(
    tags=["seri"],
    responses={200: SeriesSerializer(many=True), **error_responses(400)},
)
class SeriesListView(PublicListView):
    """Public series by title."""

    serializer_class = SeriesSerializer
    pagination_class = StableCursorPagination

    def get_queryset(self):
        return _series()

    def get_ordering(self):
        return ("title", "id")


@extend_schema(
    tags=["seri"], responses={200: SeriesDetailSerializer, **error_responses(404)}
)
class SeriesDetailView(PublicDetailView):
    """One series and its public items in order (items may come from any OPD).

    Slugs are unique within an OPD only; when two OPDs use the same slug the
    older series answers."""

    serializer_class = SeriesDetailSerializer

    def get_object(self):
        series = _series().filter(slug=self.kwargs["slug"]).order_by("path").first()
        if series is None:
            raise Http404
        series.public_items = list(
            series_items_for_listing(series).prefetch_related(
                image_prefetch("hero_image")
            )
        )
        return series
