"""Topics: GET /tags/ (with counts of public items) and /tags/<slug>/."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema

from api.v1.base import PublicDetailView, PublicListView
from api.v1.filters import opds_param
from api.v1.serializers.errors import error_responses
from api.v1.serializers.tags import TagSerializer
from cms.content.selectors import public_tag_counts


@extend_schema(
    tags=["topik"],
    parameters=[
        OpenApiParameter(
            "opd", str, many=True, explode=False, description="Slug OPD (ATAU)."
        )
    ],
    responses={200: TagSerializer(many=True), **error_responses(400)},
)
class TagListView(PublicListView):
    """Every topic of public items, most used first (not paginated)."""

    serializer_class = TagSerializer
    pagination_class = None

    def get_queryset(self):
        return public_tag_counts(opds=opds_param(self.request.query_params))


@extend_schema(tags=["topik"], responses={200: TagSerializer, **error_responses(404)})
class TagDetailView(PublicDetailView):
    """One topic; its items are at ``content_url`` (``/content/?tag=<slug>``)."""

    serializer_class = TagSerializer

    def get_object(self):
        row = public_tag_counts().filter(tag__slug=self.kwargs["slug"]).first()
        if row is None:
            raise Http404
        return row
