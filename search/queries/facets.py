"""Facet counts that let a citizen widen as well as narrow.

The facet filters go in ``post_filter`` (applied to the hits after aggregating) and
each facet's aggregation is filtered by the *other* facets only: picking OPD
"dinkes" still shows how many results the other OPDs have for the same query and
the other choices, so a second OPD can be added (OR) instead of starting over.
"""

from collections.abc import Mapping, Sequence

from .filters import FILTER_FIELDS

# name -> terms aggregation options (the field comes from FILTER_FIELDS)
FACETS = {
    "opd": {"size": 60},
    "type": {"size": 20},
    "kategori": {"size": 10},
    "year": {"size": 40, "order": {"_key": "desc"}},
}


def facet_aggs(facet_filters: Mapping[str, dict]) -> dict:
    """``facet_filters``: clauses of the facet parameters in use, by name."""
    aggs = {}
    for name, options in FACETS.items():
        others = [clause for other, clause in facet_filters.items() if other != name]
        values = {"terms": {"field": FILTER_FIELDS[name], **options}}
        if name == "opd":
            # The display name travels with the slug (one value per slug).
            values["aggs"] = {"name": {"terms": {"field": "opd_name", "size": 1}}}
        aggs[name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": values},
        }
    return aggs


def post_filter(facet_filters: Mapping[str, dict]) -> dict | None:
    clauses = [clause for name, clause in facet_filters.items() if name in FACETS]
    return {"bool": {"filter": clauses}} if clauses else None


def parse_facets(
    aggregations: Mapping,
    selected: Mapping[str, Sequence],
    labels: Mapping[str, Mapping] | None = None,
) -> dict[str, list[dict]]:
    """``{name: [{"value", "label", "count", "selected"}]}``. A selected value with no
    results left is still listed (count 0) so it can be unselected."""
    labels = labels or {}
    facets = {}
    for name in FACETS:
        buckets = aggregations.get(name, {}).get("values", {}).get("buckets", [])
        chosen = list(selected.get(name, ()))
        rows = []
        for bucket in buckets:
            value = bucket["key"]
            label = _label(name, value, bucket, labels)
            rows.append(_row(value, label, bucket["doc_count"], value in chosen))
        seen = {row["value"] for row in rows}
        for value in chosen:
            if value not in seen:
                rows.append(_row(value, _label(name, value, {}, labels), 0, True))
        facets[name] = rows
    return facets


def _label(name, value, bucket, labels) -> str:
    names = bucket.get("name", {}).get("buckets", [])
    if names:
        return names[0]["key"]
    return str(labels.get(name, {}).get(value, value))


def _row(value, label, count, selected) -> dict:
    return {"value": value, "label": label, "count": count, "selected": selected}
