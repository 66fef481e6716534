"""GET /images/<id>/: one image object (only images public pages use)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.v1.base import PublicDetailView
from api.v1.serializers.errors import error_responses
from api.v1.serializers.images import ImageSerializer, image_data
from cms.core.visibility import publicly_used_image


@extend_schema(
    tags=["gambar"], responses={200: ImageSerializer, **error_responses(404)}
)
class ImageDetailView(PublicDetailView):
    """An image object by id, e.g. to refresh rendition URLs that expired."""

    serializer_class = ImageSerializer

    def retrieve(self, request, *args, **kwargs):
        image = publicly_used_image(self.kwargs["pk"])
        data = image_data(image, self.get_serializer_context()) if image else None
        if data is None:
            raise Http404
        return Response(data)
