"""OPDs: GET /opd/ (all public OPDs) and /opd/<slug>/ (profile)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema

from api.v1.base import PublicDetailView, PublicListView
from api.v1.serializers.errors import error_responses
from api.v1.serializers.images import image_prefetch
from api.v1.serializers.opd import OPDDetailSerializer, OPDSummarySerializer
from cms.opd.models import OPDLeader
from cms.opd.selectors import opd_list


@extend_schema(
    tags=["opd"],
    responses={200: OPDSummarySerializer(many=True), **error_responses()},
)
class OPDListView(PublicListView):
    """Every public OPD, by name (a short list: not paginated)."""

    serializer_class = OPDSummarySerializer
    pagination_class = None

    def get_queryset(self):
        return opd_list()


@extend_schema(
    tags=["opd"], responses={200: OPDDetailSerializer, **error_responses(404)}
)
class OPDDetailView(PublicDetailView):
    """One OPD's profile: tupoksi, leaders, contacts, PPID, logo."""

    serializer_class = OPDDetailSerializer

    def get_object(self):
        leaders = OPDLeader.objects.order_by("sort_order").prefetch_related(
            image_prefetch("photo")
        )
        opds = opd_list().prefetch_related(
            image_prefetch("logo"), Prefetch("leaders", queryset=leaders)
        )
        return get_object_or_404(opds, slug=self.kwargs["slug"])
