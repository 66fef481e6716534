"""The province-wide DIP at /dip/: every OPD's entries, filterable by category and
year. Reads through the DIP selectors (what the public may see of an entry is
``cms.core.visibility``'s rule).

Each page costs the same however long the DIP grows: the overview shows the four
categories in the law's order (UU 14/2008 art. 9-11 and 17), each with its count
and its first ``PREVIEW_SIZE`` entries and a link to all of them; a chosen category
is paged (``PAGE_SIZE`` a page, ``?halaman=``). Counts come from one query."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render

from cms.core.visibility import only_public
from cms.dip.categories import KATEGORI_HEADINGS, Kategori
from cms.dip.listing import ORDER, DIPListing, dip_filter, dip_years
from cms.dip.models import DIPIndexPage
from cms.dip.selectors import public_dip_entries

from .cache import cacheable

PREVIEW_SIZE = 10
PAGE_SIZE = 50


@cacheable
def dip_province(request):
    entries = public_dip_entries()
    chosen, kategori, tahun, errors = dip_filter(entries, request.GET)
    counts = _counts(chosen if not kategori else _without_kategori(entries, tahun))
    page_obj = None
    if kategori:
        page_obj = Paginator(_ordered(chosen), PAGE_SIZE).get_page(
            request.GET.get("halaman")
        )
        sections = [_section(Kategori(kategori), list(page_obj), counts)]
    else:
        sections = [
            _section(
                k, list(_ordered(chosen.filter(kategori=k))[:PREVIEW_SIZE]), counts
            )
            for k in Kategori
        ]
    listing = DIPListing(
        groups=[section[:3] for section in sections],
        years=dip_years(entries),
        kategori=kategori,
        tahun=tahun,
        errors=errors,
        count=counts[kategori] if kategori else sum(counts.values()),
    )
    indexes = only_public(DIPIndexPage.objects.all())
    return render(
        request,
        "portal/dip_province.html",
        {
            "listing": listing,
            "sections": sections,
            "category_counts": [(k, counts[k.value]) for k in Kategori],
            "page_obj": page_obj,
            "opd_indexes": _with_opds(indexes),
            "show_opd": True,
        },
        status=400 if errors else 200,
    )


def _ordered(entries):
    return entries.select_related("opd").order_by(*ORDER)


def _without_kategori(entries, tahun):
    """The year filter alone: the category navigation counts every category."""
    return dip_filter(entries, {"tahun": tahun})[0]


def _counts(entries) -> dict[str, int]:
    rows = entries.order_by().values("kategori").annotate(n=Count("pk"))
    found = {row["kategori"]: row["n"] for row in rows}
    return {k.value: found.get(k.value, 0) for k in Kategori}


def _section(kategori, entries, counts) -> tuple:
    """(category, heading, entries shown, entries in all)."""
    return (kategori, KATEGORI_HEADINGS[kategori], entries, counts[kategori.value])


def _with_opds(indexes) -> list[tuple]:
    """(OPD, its DIP page) sorted by OPD name, for the "DIP per OPD" list."""
    from cms.opd.selectors import opd_list

    by_path = {index.path[: -DIPIndexPage.steplen]: index for index in indexes}
    return [(opd, by_path[opd.path]) for opd in opd_list() if opd.path in by_path]
