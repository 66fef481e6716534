"""Content items: GET /content/, /content/<id>/, /opd/<opd>/content/<slug>/."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api.v1.base import PublicDetailView, PublicListView
from api.v1.filters import (
    CONTENT_ORDERINGS,
    DEFAULT_CONTENT_ORDERING,
    content_ordering,
    fields_param,
    filter_content,
)
from api.v1.pagination import StableCursorPagination
from api.v1.serializers.content import ContentDetailSchema, ContentListItemSerializer
from api.v1.serializers.errors import error_responses
from api.v1.stored_details import detail_data
from api.v1.stored_items import listed_items, stored_list_items
from cms.content.models import CONTENT_TYPES
from cms.opd.selectors import opd_list

LIST_FIELDS = list(ContentListItemSerializer().fields)


def csv_parameter(name: str, description: str, enum=None) -> OpenApiParameter:
    """A comma-separated list parameter (``a,b`` means a OR b)."""
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        description=description,
        enum=enum,
        many=True,
        explode=False,
        style="form",
    )


def datetime_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.DATETIME,
        description=description + " ISO 8601; tanpa zona waktu berarti WIB.",
    )


CONTENT_FILTERS = [
    csv_parameter("opd", "Slug OPD."),
    csv_parameter("type", "Jenis konten.", list(CONTENT_TYPES)),
    csv_parameter("series", "Slug seri."),
    csv_parameter("tag", "Slug topik."),
    datetime_parameter("published_after", "Terbit pada atau sesudah waktu ini."),
    datetime_parameter("published_before", "Terbit sebelum waktu ini."),
    datetime_parameter(
        "updated_since",
        "Diterbitkan (ulang) pada atau sesudah waktu ini: sinkronisasi bertahap.",
    ),
    OpenApiParameter(
        "ordering",
        OpenApiTypes.STR,
        enum=list(CONTENT_ORDERINGS),
        default=DEFAULT_CONTENT_ORDERING,
        description="Urutan; `updated` cocok untuk sinkronisasi.",
    ),
    csv_parameter("fields", "Hanya kunci ini di tiap butir.", LIST_FIELDS),
]


@extend_schema(
    tags=["konten"],
    parameters=CONTENT_FILTERS,
    responses={200: ContentListItemSerializer(many=True), **error_responses(400)},
)
class ContentListView(PublicListView):
    """Public content items of every type, newest first, with cursor pagination."""

    serializer_class = ContentListItemSerializer
    pagination_class = StableCursorPagination

    def get_queryset(self):
        return filter_content(listed_items(), self.request.query_params)

    def get_ordering(self):
        return content_ordering(self.request.query_params)

    def get_serializer(self, *args, **kwargs):
        kwargs["only"] = fields_param(self.request.query_params, LIST_FIELDS)
        kwargs.setdefault("context", self.get_serializer_context())
        return self.serializer_class(*args, **kwargs)

    def list(self, request, *args, **kwargs):
        # Cheap parameter checks first: a bad one answers 400 before any query.
        self.get_ordering()
        only = fields_param(request.query_params, LIST_FIELDS)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        # The serializer's output, from the items' stored renderings.
        return self.get_paginated_response(stored_list_items(page, request, only))


class _ContentDetailBase(PublicDetailView):
    def retrieve(self, request, *args, **kwargs):
        # One query when the item's rendering is stored (api/v1/stored_details.py).
        data = detail_data(self.lookup(), request)
        if data is None:
            raise Http404
        return Response(data)


@extend_schema(
    tags=["konten"], responses={200: ContentDetailSchema, **error_responses(404)}
)
class ContentDetailView(_ContentDetailBase):
    """One public content item with its body and type-specific fields."""

    def lookup(self) -> dict:
        return {"pk": self.kwargs["pk"]}


@extend_schema(
    tags=["konten"], responses={200: ContentDetailSchema, **error_responses(404)}
)
class OPDContentDetailView(_ContentDetailBase):
    """One public content item by its OPD's slug and its own slug."""

    def lookup(self) -> dict:
        return {
            "opd__in": opd_list(),
            "opd__slug": self.kwargs["opd_slug"],
            "slug": self.kwargs["slug"],
        }
