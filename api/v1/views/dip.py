"""DIP: GET /dip/ (province-wide) and /opd/<slug>/dip/ (one OPD), grouped by
kategori like the portal's pages (portal/views.py ``dip_province``): every
category present, in the law's order, unless ``kategori`` picks some."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api.v1.base import PublicDetailView
from api.v1.filters import invalid, opds_param, values_of
from api.v1.serializers.dip import DIPSerializer
from api.v1.serializers.errors import error_responses
from cms.dip.listing import dip_entries_grouped
from cms.dip.models import Kategori
from cms.dip.selectors import public_dip_entries_for_listing
from cms.opd.selectors import opd_list


def _csv(name, kind, description, enum=None):
    return OpenApiParameter(
        name, kind, enum=enum, many=True, explode=False, description=description
    )


KATEGORI_PARAMETER = _csv(
    "kategori", OpenApiTypes.STR, "Kategori (ATAU).", list(Kategori.values)
)
# Exactly what ``filter_dip`` accepts (one to four digits).
TAHUN_PARAMETER = OpenApiParameter(
    "tahun",
    {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 9999}},
    explode=False,
    description="Tahun (ATAU).",
)
OPD_PARAMETER = _csv("opd", OpenApiTypes.STR, "Slug OPD (ATAU).")


def filter_dip(entries, params):
    """Apply ``kategori`` and ``tahun``; returns (entries, chosen kategori)."""
    kategori = values_of(params, "kategori")
    unknown = sorted(set(kategori) - set(Kategori.values))
    if unknown:
        raise invalid("kategori", _("Kategori tidak dikenal: %s.") % ", ".join(unknown))
    if kategori:
        entries = entries.filter(kategori__in=kategori)
    years = values_of(params, "tahun")
    if not all(year.isdigit() and len(year) <= 4 for year in years):
        raise invalid("tahun", _("Tahun harus berupa angka."))
    if years:
        entries = entries.filter(tahun__in=[int(year) for year in years])
    return entries, kategori


def years_of(entries) -> list[int]:
    rows = (
        entries.exclude(tahun=None).order_by("-tahun").values_list("tahun", flat=True)
    )
    return list(rows.distinct())


class _DIPView(PublicDetailView):
    serializer_class = DIPSerializer

    def dip_response(self, *, opd, entries):
        years = years_of(entries)
        chosen, kategori = filter_dip(entries, self.request.query_params)
        groups = [
            {"kategori": value.value, "heading": heading, "entries": items}
            for value, heading, items in dip_entries_grouped(chosen)
            if not kategori or value in kategori
        ]
        data = {"opd": opd, "groups": groups, "years": years}
        context = self.get_serializer_context()
        return Response(DIPSerializer(data, context=context).data)


@extend_schema(
    tags=["dip"],
    parameters=[OPD_PARAMETER, KATEGORI_PARAMETER, TAHUN_PARAMETER],
    responses={200: DIPSerializer, **error_responses(400)},
)
class ProvinceDIPView(_DIPView):
    """The province-wide DIP: every public OPD's entries."""

    def get(self, request, *args, **kwargs):
        entries = public_dip_entries_for_listing().filter(opd__in=opd_list())
        opds = opds_param(request.query_params)
        if opds is not None:
            entries = entries.filter(opd__in=opds)
        return self.dip_response(opd=None, entries=entries)


@extend_schema(
    tags=["dip"],
    parameters=[KATEGORI_PARAMETER, TAHUN_PARAMETER],
    responses={200: DIPSerializer, **error_responses(400, 404)},
)
class OPDDIPView(_DIPView):
    """One OPD's DIP."""

    def get(self, request, *args, **kwargs):
        opd = get_object_or_404(opd_list(), slug=kwargs["slug"])
        entries = public_dip_entries_for_listing().filter(opd=opd)
        return self.dip_response(opd=opd, entries=entries)
