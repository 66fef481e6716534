"""Facets, filters and pagination on the real server and the fixed corpus."""

import pytest

from search.queries.public import search_public

from .conftest import params
from .corpus import DOCS, doc_id, to_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_index")]


def run(q="", **kwargs):
    return search_public(params(q, **kwargs), record=False)


def counts(result, name) -> dict:
    return {row["value"]: row["count"] for row in result.facets[name]}


def expected(**wanted) -> set[str]:
    """Titles of the corpus rows whose values are among the wanted ones."""
    field = {"opd": "opd", "type": "kind", "kategori": "kategori", "series": "series"}

    def value(row, name):
        if name == "year":
            return row.get("year", int(row["published"][:4]))
        return row.get(field[name])

    return {
        row["title"]
        for row in DOCS
        if all(value(row, name) in values for name, values in wanted.items())
    }


def all_titles(q="", **kwargs) -> set[str]:
    result = run(q, page_size=50, **kwargs)
    assert result.count == len(result.results)
    return {hit.title for hit in result.results}


def test_facet_counts_reflect_the_query():
    result = run("stunting")
    assert result.count == 5
    assert counts(result, "opd") == {"dinkes": 4, "diskominfo": 1}
    assert counts(result, "type") == {
        "rilis": 1,
        "artikel": 1,
        "infografis": 1,
        "video": 1,
        "seri": 1,
    }
    assert counts(result, "year") == {2025: 1, 2024: 2, 2023: 2}
    assert [row["value"] for row in result.facets["year"]] == [2025, 2024, 2023]
    assert counts(result, "kategori") == {}
    dinkes = next(row for row in result.facets["opd"] if row["value"] == "dinkes")
    assert dinkes == {
        "value": "dinkes",
        "label": "Dinas Kesehatan",
        "count": 4,
        "selected": False,
    }


def test_a_chosen_facet_still_counts_its_other_values():
    result = run("stunting", opd="dinkes")
    assert result.count == 4
    assert counts(result, "opd") == {"dinkes": 4, "diskominfo": 1}  # widen with OR
    assert counts(result, "type") == {
        "rilis": 1,
        "artikel": 1,
        "infografis": 1,
        "video": 1,
    }
    assert [r["value"] for r in result.facets["opd"] if r["selected"]] == ["dinkes"]
    labels = {row["value"]: row["label"] for row in result.facets["type"]}
    assert labels["video"] == "Video pendek"


def test_a_chosen_value_without_results_stays_listed():
    result = run("stunting", opd="dispar")
    assert result.count == 0
    assert {"value": "dispar", "label": "dispar", "count": 0, "selected": True} in (
        result.facets["opd"]
    )


@pytest.mark.parametrize(
    "name, values",
    [
        ("opd", ["bpbd"]),
        ("opd", ["bpbd", "dpupr"]),
        ("type", ["dip"]),
        ("type", ["video", "podcast"]),
        ("kategori", ["serta_merta"]),
        ("kategori", ["berkala", "setiap_saat"]),
        ("year", [2024]),
        ("year", [2023, 2025]),
        ("series", ["rb-tematik"]),
    ],
)
def test_each_filter_and_or_within_it(name, values):
    assert all_titles(**{name: values}) == expected(**{name: values})


def test_filters_combine_with_and():
    found = all_titles(opd="dinkes", type=["rilis", "dip"], year=2025)
    assert found == {
        "Dinkes Banten Percepat Penurunan Stunting di Delapan Kabupaten/Kota"
    }
    assert all_titles("laporan", kategori="berkala", opd="bpkad") == {
        "Laporan Keuangan Pemerintah Daerah Tahun 2023",
        "Laporan Keuangan Pemerintah Daerah Tahun 2024",
    }


def test_pagination_walks_every_result_once_newest_first():
    seen = []
    for page in range(1, 7):
        result = run(page=page, page_size=10)
        assert result.count == len(DOCS)
        seen += [hit.url for hit in result.results]
    assert len(seen) == len(DOCS) == len(set(seen))
    first = run(page_size=3).results
    assert [hit.published[:10] for hit in first] == sorted(
        (row["published"] for row in DOCS), reverse=True
    )[:3]


def test_pagination_of_a_query_keeps_the_ranking():
    whole = [hit.url for hit in run("banten", page_size=20).results]
    pages = [
        hit.url
        for p in (1, 2, 3, 4)
        for hit in run("banten", page=p, page_size=5).results
    ]
    assert pages == whole[: len(pages)]
    assert run("banten", page=100).results == []


def test_exempted_content_is_never_found(index_extra):
    from search.language.analysis import analyze

    row = {
        "id": 99,
        "kind": "dip",
        "opd": "bpbd",
        "published": "2025-01-01",
        "kategori": "dikecualikan",
        "title": "Rencana Pengamanan Gudang Logistik Rahasia",
        "summary": "Rahasia",
    }
    index_extra(to_document(row, analyze))
    assert run("gudang logistik rahasia").count == 0
    assert doc_id(row) == "page:900099"
