"""The project's URLs plus test-only endpoints under /api/ (mixin, crashes)."""

from django.urls import path
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.v1.base import PublicListView
from cms import urls as project_urls
from cms.opd.models import OPDPage
from cms.opd.selectors import opd_list


class OPDNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = OPDPage
        fields = ["slug", "title"]


class OPDNamesView(PublicListView):
    """A tiny public resource on the real base class."""

    serializer_class = OPDNameSerializer
    pagination_class = None

    def get_queryset(self):
        return opd_list()


class WhoAmIView(APIView):
    def get(self, request):
        key = request.auth
        return Response(
            {"key": key.prefix if key else None, "user": repr(request.user)}
        )


class BrokenAPIView(APIView):
    def get(self, request):
        raise RuntimeError("a bug")


def broken_django_view(request):
    raise RuntimeError("a bug outside DRF")


urlpatterns = [
    path("api/v1/_test/opd/", OPDNamesView.as_view()),
    path("api/v1/_test/whoami/", WhoAmIView.as_view()),
    path("api/v1/_test/broken/", BrokenAPIView.as_view()),
    path("api/_test/broken/", broken_django_view),
    *project_urls.urlpatterns,
]
handler404 = project_urls.handler404
handler500 = project_urls.handler500
