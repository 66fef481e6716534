"""Read queries on OPDs, shared by the portal and the API."""

from django.db.models import QuerySet

from .models import OPDPage


def opd_list() -> QuerySet[OPDPage]:
    return OPDPage.objects.live().public().order_by("title")
