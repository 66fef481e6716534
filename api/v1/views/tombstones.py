"""GET /content/tombstones/: items that left the public site, oldest first."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from api.models import ContentTombstone
from api.v1.base import PublicListView
from api.v1.filters import datetime_param, values_of
from api.v1.pagination import StableCursorPagination
from api.v1.serializers.errors import error_responses
from api.v1.serializers.tombstones import ContentTombstoneSerializer


@extend_schema(
    tags=["konten"],
    parameters=[
        OpenApiParameter(
            "since",
            OpenApiTypes.DATETIME,
            description="Hanya yang dihapus pada atau sesudah waktu ini (ISO 8601; "
            "tanpa zona waktu berarti WIB).",
        ),
        OpenApiParameter(
            "opd", OpenApiTypes.STR, many=True, explode=False, description="Slug OPD."
        ),
    ],
    responses={200: ContentTombstoneSerializer(many=True), **error_responses(400)},
)
class ContentTombstoneListView(PublicListView):
    """Content items unpublished, deleted or made private, oldest first: a mirror
    applies them in order after fetching ``/content/?updated_since=``."""

    serializer_class = ContentTombstoneSerializer
    pagination_class = StableCursorPagination

    def get_queryset(self):
        params = self.request.query_params
        tombstones = ContentTombstone.objects.all()
        since = datetime_param(params, "since")
        if since is not None:
            tombstones = tombstones.filter(removed_at__gte=since)
        # OPD slugs are not checked: a tombstone may name an OPD gone since.
        opds = values_of(params, "opd")
        if opds:
            tombstones = tombstones.filter(opd_slug__in=opds)
        return tombstones

    def get_ordering(self):
        return ("removed_at", "id")
