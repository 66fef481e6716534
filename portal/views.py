"""Portal views outside the page tree. They only read through cms selectors."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.dip.models import Kategori
from cms.dip.selectors import dip_entries_grouped, public_dip_entries


def dip_province(request):
    """The province-wide DIP: every OPD's entries, filterable by category and year."""
    entries = public_dip_entries()
    kategori = request.GET.get("kategori", "")
    tahun = request.GET.get("tahun", "")
    errors = []
    if kategori and kategori not in Kategori.values:
        errors.append(_("Kategori tidak dikenal."))
    elif kategori:
        entries = entries.filter(kategori=kategori)
    if tahun and not tahun.isdigit():
        errors.append(_("Tahun harus berupa angka."))
    elif tahun:
        entries = entries.filter(tahun=int(tahun))
    years = (
        public_dip_entries()
        .exclude(tahun=None)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .distinct()
    )
    groups = dip_entries_grouped(entries)
    if kategori and not errors:
        groups = [group for group in groups if group[0].value == kategori]
    return render(
        request,
        "portal/dip_province.html",
        {
            "groups": groups,
            "kategori_choices": Kategori.choices,
            "years": years,
            "selected": {"kategori": kategori, "tahun": tahun},
            "errors": errors,
            "show_opd": True,
        },
        status=400 if errors else 200,
    )
