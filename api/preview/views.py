"""``GET /api/v1/preview/?token=…``: one draft revision for the OPD site's preview.

Two things are needed: a valid, unexpired token (it names the page and revision,
so nobody can ask for another draft) and an API key with the ``preview`` scope of
the draft's OPD, or a province-wide one. Responses are never cached anywhere.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Revision

from api.v1.errors import error_response
from api.v1.serializers.content import ContentDetailSchema, content_detail_data
from api.v1.serializers.errors import ErrorSerializer, error_responses
from cms.content.models import ContentPage
from cms.content.preview import (
    PreviewTokenExpired,
    PreviewTokenInvalid,
    preview_token_read,
)

PREVIEW_SCOPE = "preview"


def _key_may_preview(key) -> bool:
    allows = getattr(key, "allows", None)
    return callable(allows) and allows(PREVIEW_SCOPE)


class PreviewView(APIView):
    @extend_schema(
        operation_id="preview_retrieve",
        tags=["pratinjau"],
        summary="Draf untuk pratinjau situs OPD",
        description=(
            "Isi seperti detail konten, ditambah `preview`, `revision_id` dan "
            "`expires_at`. Perlu kunci API bercakupan `preview` milik OPD draf "
            "(atau kunci tingkat provinsi)."
        ),
        parameters=[
            OpenApiParameter("token", str, required=True),
            OpenApiParameter("id", int, description="ID halaman; sama dengan token."),
        ],
        responses={
            200: ContentDetailSchema,
            403: OpenApiResponse(
                ErrorSerializer,
                description="Tanpa kunci pratinjau yang sesuai, atau token tidak "
                "sah/kedaluwarsa.",
            ),
            **error_responses(400, 404),
        },
    )
    def get(self, request):
        key = request.auth
        if not _key_may_preview(key):
            raise exceptions.PermissionDenied(
                _("Pratinjau memerlukan kunci API dengan cakupan preview.")
            )
        token = request.query_params.get("token", "")
        if not token:
            raise exceptions.ValidationError({"token": [_("Wajib diisi.")]})
        try:
            grant = preview_token_read(token)
        except PreviewTokenExpired:
            return error_response(
                403,
                _("Token pratinjau kedaluwarsa; buka pratinjau lagi dari editor."),
                code="preview_token_expired",
            )
        except PreviewTokenInvalid:
            return error_response(
                403, _("Token pratinjau tidak sah."), code="preview_token_invalid"
            )
        page_id = request.query_params.get("id")
        if page_id is not None and page_id != str(grant.page_id):
            return error_response(
                403,
                _("Token pratinjau ini untuk halaman lain."),
                code="preview_token_invalid",
            )
        page = ContentPage.objects.filter(pk=grant.page_id).only("opd").first()
        revision = Revision.page_revisions.filter(
            pk=grant.revision_id, object_id=str(grant.page_id)
        ).first()
        if page is None or revision is None:
            raise exceptions.NotFound(_("Draf tidak ditemukan."))
        if key.opd_id is not None and key.opd_id != page.opd_id:
            raise exceptions.PermissionDenied(
                _("Kunci API ini bukan milik OPD pemilik draf.")
            )
        data = content_detail_data(revision.as_object(), request)
        data.update(
            preview=True,
            revision_id=revision.pk,
            expires_at=timezone.localtime(grant.expires_at).isoformat(),
        )
        return Response(data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors too: a draft, or the fact that one exists, must not sit in a cache.
        response["Cache-Control"] = "private, no-store"
        return response
