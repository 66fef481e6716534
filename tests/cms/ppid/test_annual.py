"""The annual public-information service report: every figure equals what the
requests in the database say, the downloads carry the same numbers, the cost
does not grow with the requests, and a PPID Pelaksana sees its own row only."""

import csv
import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from cms.ppid.annual import annual_report, annual_rows, ground_rows
from cms.ppid.annual_columns import COLUMNS, DECISIONS, column_keys
from tests.factories.pages import add_dip_entry, make_opds
from tests.factories.users import UserFactory

from .annual_dataset import Builder, People, build, independent_counts, set_clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(monkeypatch):
    dataset = build(monkeypatch)
    set_clock(monkeypatch, date(2026, 3, 2))
    return dataset


def _assert_figures(row, expected):
    for column in COLUMNS:
        want = expected.get(column.key)
        if column.kind == "days" and want is None:
            assert row[column.key] is None, column.key
        else:
            assert row[column.key] == pytest.approx(want or 0), column.key


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_figure_matches_the_requests(data, year):
    report = annual_report(year)
    expected = independent_counts(year)
    rows = {row.opd_id: row for row in report.rows}
    assert set(rows) == set(expected) - {"total"}
    for unit, row in rows.items():
        _assert_figures(row, expected[unit])
    _assert_figures(report.total, expected["total"])
    for key in column_keys("count"):  # the province row is the sum
        assert report.total[key] == sum(row[key] for row in report.rows)


def test_the_2025_story(data):
    opds = data["opds"]
    report = annual_report(2025)
    titles = [row.title for row in report.rows]
    assert titles[0] == "PPID Utama Provinsi Banten"  # r6, never assigned
    assert sorted(titles[1:]) == titles[1:] and len(titles) == 4
    total = report.total
    assert (total["received"], total["decided"], total["on_time"]) == (7, 6, 4)
    assert (total["extended"], total["open_at_year_end"]) == (1, 2)
    assert [total[kind] for kind in DECISIONS] == [1, 1, 2, 1, 1]
    assert (total["objections_filed"], total["objections_answered"]) == (3, 2)
    assert (total["objections_upheld"], total["disputes"]) == (1, 2)
    assert (total["dispute_dikabulkan"], total["dispute_pending"]) == (1, 1)
    dinkes = next(row for row in report.rows if row.opd_id == opds["dinkes"].pk)
    grounds = {(g.kind, g.label): (g.count, g.public) for g in dinkes.grounds}
    assert grounds == {
        ("dip", "Rekam medis pasien"): (1, True),
        ("dip", "Hasil uji tertutup"): (1, False),  # a draft entry
        ("pasal", "Pasal 17 huruf h UU 14/2008"): (1, True),
    }
    # r1 was addressed to the PPID Utama and assigned: it counts for diskominfo.
    diskominfo = next(row for row in report.rows if row.opd_id == opds["diskominfo"].pk)
    assert diskominfo["received"] == 2


def test_one_opd_and_the_cut_down_report(data):
    dinkes = data["opds"]["dinkes"]
    full = {row.opd_id: row for row in annual_report(2025).rows}
    alone = annual_report(2025, opd=dinkes)
    assert [row.opd_id for row in alone.rows] == [dinkes.pk]
    assert alone.rows[0].values == full[dinkes.pk].values
    cut = annual_report(2025).only([dinkes.pk])
    assert cut.partial and [row.opd_id for row in cut.rows] == [dinkes.pk]
    assert cut.total.values == full[dinkes.pk].values
    assert len(annual_rows(2025, report=cut)) == 2  # header and its own row


def _admin(client, user):
    client.force_login(user)
    return client


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _as_text(rows) -> list[list[str]]:
    def text(value):
        if value is None:
            return ""
        return str(round(value, 2)) if isinstance(value, float) else str(value)

    return [[text(value) for value in row] for row in rows]


def test_csv_and_xlsx_carry_the_same_numbers(data, client):
    _admin(client, data["people"].utama)
    expected = annual_rows(2025)
    assert expected[0][:3] == ["Tahun", "Unit PPID", "Permohonan diterima"]
    assert _csv(client.get(reverse("ppid_annual:csv", args=[2025]))) == _as_text(
        expected
    )
    grounds = _csv(client.get(reverse("ppid_annual:csv_grounds", args=[2025])))
    assert grounds == _as_text(ground_rows(annual_report(2025)))
    response = client.get(reverse("ppid_annual:xlsx", args=[2025]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Ringkasan", "Alasan penolakan", "Keterangan"]
    sheet = [list(row) for row in book["Ringkasan"].iter_rows(values_only=True)]
    assert len(sheet) == len(expected)
    for got, want in zip(sheet, expected, strict=True):
        assert got == [pytest.approx(v) if isinstance(v, float) else v for v in want]
    assert all(isinstance(v, int) for v in sheet[-1][2:6])  # numbers, not text


def _table_rows(response) -> list[str]:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        th.get_text(strip=True)
        for th in page.select("table.ppid-annual__table tbody th")
    ]


def test_the_admin_page_per_role(data, client):
    opds, people = data["opds"], data["people"]
    url = reverse("ppid_annual:index") + "?tahun=2025"
    every = {row.title for row in annual_report(2025).rows} | {
        "Provinsi Banten (jumlah)"
    }
    for user in (people.utama, people.atasan):
        response = _admin(client, user).get(url)
        assert response.status_code == 200
        assert set(_table_rows(response)) == every
        # The header's visible title (the last crumb) names the report.
        crumbs = BeautifulSoup(response.content, "html.parser").select(
            "[data-w-breadcrumbs] li"
        )
        assert crumbs[-1].get_text(strip=True) == "Laporan layanan informasi publik"
        assert "Rekam medis pasien" in response.content.decode()
    response = _admin(client, people.pelaksana["dinkes"]).get(url)
    assert set(_table_rows(response)) == {opds["dinkes"].title}
    text = response.content.decode()
    assert opds["bpbd"].title not in text and "PPID Utama Provinsi" not in text
    own = _csv(client.get(reverse("ppid_annual:csv", args=[2025])))
    assert [row[1] for row in own[1:]] == [opds["dinkes"].title]
    response = _admin(client, people.pelaksana["bpbd"]).get(url)
    assert "Rekam medis pasien" not in response.content.decode()
    # The "Layanan Informasi" menu links the report for every PPID role.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("ppid_annual:index") in home


def test_others_are_refused_and_years_are_bounded(data, client):
    editor = UserFactory(opd=data["opds"]["dinkes"], role="editor")
    _admin(client, editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("ppid_annual:index") not in home
    for url in (
        reverse("ppid_annual:index"),
        reverse("ppid_annual:csv", args=[2025]),
        reverse("ppid_annual:xlsx", args=[2025]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert not response.get("Content-Disposition")
    _admin(client, data["people"].utama)
    assert client.get(reverse("ppid_annual:csv", args=[2027])).status_code == 404
    assert client.get(reverse("ppid_annual:index") + "?tahun=x").status_code == 404


def test_query_count_does_not_grow_with_requests(monkeypatch, settings):
    # As in production: the per-process memo answers the holiday look-ups.
    settings.HOLIDAYS_RECHECK_SECONDS = 3600
    opds = make_opds()
    b = Builder(monkeypatch, opds, People(opds))
    entry = add_dip_entry(opds["dinkes"], "Data tertutup", kategori="dikecualikan")
    slugs = [None, "diskominfo", "dinkes", "bpbd"]

    def add(n):
        for i in range(n):
            info = b.file(date(2025, 10, 1), slugs[i % 4])
            if i % 3 == 0:
                b.decide(info, "ditolak", date(2025, 10, 6), exemption_entry=entry)
                if i % 2 == 0:
                    b.answer(
                        b.object(info, date(2025, 10, 7), ["a"]),
                        "ditolak",
                        date(2025, 10, 9),
                    )
            elif i % 3 == 1:
                b.decide(info, "diberikan_seluruhnya", date(2025, 10, 3))

    def queries():
        annual_report(2025)  # warm the holiday memo
        with CaptureQueriesContext(connection) as captured:
            annual_report(2025)
        return len(captured)

    add(1)
    few = queries()
    add(29)
    assert annual_report(2025).total["received"] == 30
    assert queries() == few
