"""A DIP listing filtered by category and year, as both the province-wide page and
each OPD's DIP page show it (one rule for the filter, its choices and its errors).
It imports no model: the DIP index page builds its context with it."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .categories import KATEGORI_HEADINGS, Kategori

_MAX_YEAR_DIGITS = 4
# Newest year first, then titles in natural order ("triwulan 2" before "triwulan 12",
# cms/dip/sorting.py); pk keeps pages stable. The province-wide /dip/ pages by it too.
ORDER = ("-tahun", "title_sort_key", "pk")


def dip_entries_grouped(entries) -> list[tuple[Kategori, str, list]]:
    """Entries in the law's order of categories, every category present (even empty:
    an empty category is itself information for the citizen and the monitor)."""
    groups: dict[str, list] = {k.value: [] for k in Kategori}
    for entry in entries.select_related("opd").order_by(*ORDER):
        groups[entry.kategori].append(entry)
    return [
        (Kategori(value), KATEGORI_HEADINGS[value], items)
        for value, items in groups.items()
    ]


@dataclass
class DIPListing:
    groups: list  # (Kategori, heading, entries) in the law's order
    years: list[int]  # the years of the unfiltered entries, newest first
    kategori: str = ""  # the chosen filters, as given (for the form)
    tahun: str = ""
    errors: list[str] = field(default_factory=list)
    count: int = 0

    kategori_choices = Kategori.choices

    @property
    def filtered(self) -> bool:
        return bool(self.kategori or self.tahun) and not self.errors


def dip_filter(entries: QuerySet, query) -> tuple[QuerySet, str, str, list[str]]:
    """(chosen entries, kategori, tahun, errors) from the GET parameters
    (``kategori``, ``tahun``); a bad filter chooses every entry, with its message."""
    kategori = (query.get("kategori") or "").strip()
    tahun = (query.get("tahun") or "").strip()
    errors = []
    chosen = entries
    if kategori and kategori not in Kategori.values:
        errors.append(_("Kategori tidak dikenal."))
    elif kategori:
        chosen = chosen.filter(kategori=kategori)
    if tahun and not (tahun.isascii() and tahun.isdigit()):
        errors.append(_("Tahun harus berupa angka."))
    elif tahun and len(tahun) <= _MAX_YEAR_DIGITS:
        chosen = chosen.filter(tahun=int(tahun))
    elif tahun:
        chosen = chosen.none()
    if errors:
        return entries, "", "", errors
    return chosen, kategori, tahun, errors


def dip_years(entries: QuerySet) -> list[int]:
    """The years of the entries, newest first (the year filter's choices)."""
    return list(
        entries.exclude(tahun=None)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .distinct()
    )


def dip_listing(entries: QuerySet, query) -> DIPListing:
    """``entries``: public DIP entries of the scope (one OPD or all of them);
    ``query``: the request's GET parameters (``kategori``, ``tahun``)."""
    chosen, kategori, tahun, errors = dip_filter(entries, query)
    groups = dip_entries_grouped(chosen)
    if kategori:
        groups = [group for group in groups if group[0].value == kategori]
    return DIPListing(
        groups=groups,
        years=dip_years(entries),
        kategori=kategori,
        tahun=tahun,
        errors=errors,
        count=sum(len(items) for _kategori, _heading, items in groups),
    )
