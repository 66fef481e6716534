"""The province-wide DIP at /dip/: every OPD's entries, filterable by category and
year. Reads through the DIP selectors (what the public may see of an entry is
``cms.core.visibility``'s rule)."""

from django.shortcuts import render

from cms.core.visibility import only_public
from cms.dip.listing import dip_listing
from cms.dip.models import DIPIndexPage
from cms.dip.selectors import public_dip_entries

from .cache import cacheable


@cacheable
def dip_province(request):
    listing = dip_listing(public_dip_entries(), request.GET)
    indexes = only_public(DIPIndexPage.objects.all())
    return render(
        request,
        "portal/dip_province.html",
        {
            "listing": listing,
            "groups": listing.groups,
            "opd_indexes": _with_opds(indexes),
            "show_opd": True,
        },
        status=400 if listing.errors else 200,
    )


def _with_opds(indexes) -> list[tuple]:
    """(OPD, its DIP page) sorted by OPD name, for the "DIP per OPD" list."""
    from cms.opd.selectors import opd_list

    by_path = {index.path[: -DIPIndexPage.steplen]: index for index in indexes}
    return [(opd, by_path[opd.path]) for opd in opd_list() if opd.path in by_path]
