"""The anonymous query log and the editors' report of it."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from search.queries.models import SearchQueryStat
from search.queries.public import search_public
from search.queries.querylog import (
    query_key,
    record_query,
    top_queries,
    zero_result_queries,
)

from .conftest import params

pytestmark = pytest.mark.django_db


def test_the_log_has_no_field_for_personal_data():
    names = {field.name for field in SearchQueryStat._meta.get_fields()}
    assert names == {"id", "query", "date", "count", "zero_result_count"}


@pytest.mark.usefixtures("corpus_index")
def test_a_zero_result_search_is_recorded_anonymously(client):
    response = client.get(
        "/api/v1/search/",
        {"q": "Beasiswa Kuliah Luar Negeri"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Mozilla/5.0 uji",
    )
    assert response.status_code == 200 and response.json()["count"] == 0
    row = SearchQueryStat.objects.get()
    assert (row.query, row.date) == (
        "beasiswa kuliah luar negeri",
        timezone.localdate(),
    )
    assert (row.count, row.zero_result_count) == (1, 1)
    stored = " ".join(str(v) for v in SearchQueryStat.objects.values().get().values())
    assert "203.0.113.9" not in stored and "Mozilla" not in stored


@pytest.mark.usefixtures("corpus_index")
def test_searches_increment_one_row_and_refinements_are_not_counted():
    for _ in range(3):
        search_public(params("Stunting"))
    search_public(params("stunting", page=2))
    search_public(params("stunting", opd="dinkes"))
    row = SearchQueryStat.objects.get()
    assert (row.query, row.count, row.zero_result_count) == ("stunting", 3, 0)


def test_long_digit_runs_are_masked():
    assert query_key("NIK 3601234567890001 hilang") == "nik # hilang"
    assert query_key("telp 081234567890") == "telp #"
    assert query_key("APBD 2024") == "apbd 2024"
    record_query("status KTP 3601234567890001", zero_results=True)
    assert SearchQueryStat.objects.get().query == "status ktp #"
    record_query("   ", zero_results=True)
    assert SearchQueryStat.objects.count() == 1


def test_report_queries_cover_the_last_30_days():
    today = timezone.localdate()
    rows = [
        ("stunting", today, 5, 0),
        ("stunting", today - timedelta(days=3), 4, 1),
        ("beasiswa", today, 2, 2),
        ("lama", today - timedelta(days=31), 50, 50),
    ]
    for query, date, count, zero in rows:
        SearchQueryStat.objects.create(
            query=query, date=date, count=count, zero_result_count=zero
        )
    assert list(top_queries()) == [
        {"query": "stunting", "searches": 9, "zero_results": 1},
        {"query": "beasiswa", "searches": 2, "zero_results": 2},
    ]
    assert [r["query"] for r in zero_result_queries()] == ["beasiswa", "stunting"]


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_user("redaksi", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_report_is_for_users_with_the_permission(client, staff):
    SearchQueryStat.objects.create(
        query="beasiswa luar negeri",
        date=timezone.localdate(),
        count=3,
        zero_result_count=3,
    )
    client.force_login(staff)
    assert client.get("/admin/pencarian-tanpa-hasil/").status_code in (302, 403)
    staff.user_permissions.add(Permission.objects.get(codename="view_searchquerystat"))
    staff = get_user_model().objects.get(pk=staff.pk)
    client.force_login(staff)
    for url in ("/admin/laporan-pencarian/", "/admin/pencarian-tanpa-hasil/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "beasiswa luar negeri" in response.content.decode()
    export = client.get("/admin/pencarian-tanpa-hasil/?export=csv")
    assert export.status_code == 200
    assert b"beasiswa luar negeri,3,3" in export.getvalue()


def test_the_pencarian_menu_lists_best_bets_and_reports(admin_client):
    home = admin_client.get("/admin/").content.decode()
    assert "/admin/laporan-pencarian/" in home
    assert "/admin/pencarian-tanpa-hasil/" in home
    assert admin_client.get("/admin/snippets/public_search/bestbet/").status_code == 200
    assert (
        admin_client.get("/admin/snippets/public_search/bestbet/add/").status_code
        == 200
    )
