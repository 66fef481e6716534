"""Filters: exact values of keyword/number fields, in filter context (no scoring,
cacheable). Several values of one parameter mean OR (``terms``); different
parameters combine with AND (the caller puts them in one ``bool.filter``)."""

from collections.abc import Mapping, Sequence

FILTER_FIELDS = {
    "opd": "opd_slug",
    "type": "kind",
    "kategori": "dip_kategori",
    "year": "year",
    "series": "series_slug",
}
# Exempted DIP content must never be found, even if a document slipped into the index.
NEVER_SHOWN = {"term": {"dip_kategori": "dikecualikan"}}


def filter_clause(name: str, values: Sequence) -> dict:
    field = FILTER_FIELDS[name]
    values = list(values)
    if len(values) == 1:
        return {"term": {field: values[0]}}
    return {"terms": {field: values}}


def filter_clauses(selected: Mapping[str, Sequence]) -> dict[str, dict]:
    """One clause per parameter in use, keyed by parameter name, in a stable order."""
    return {
        name: filter_clause(name, selected[name])
        for name in FILTER_FIELDS
        if selected.get(name)
    }


def excluded_ids(ids: Sequence[str]) -> dict | None:
    """Documents shown elsewhere on the page (best bets) are not repeated."""
    return {"ids": {"values": list(ids)}} if ids else None
