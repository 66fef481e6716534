"""Elasticsearch down (issue #11, case 4): /cari/ and the search API keep answering
from the database with a visible "hasil terbatas" notice / a ``degraded`` flag, and
the fallback shows only what the one visibility rule allows.

Elasticsearch is "down" by pointing the client at a closed port: the shared server
keeps running for everyone else.
"""

import json

import pytest

from search.queries import breaker
from search.queries.params import SearchParams
from search.queries.public import DEGRADED_REASON, search_public
from tests.factories import add_dip_entry, add_item, make_private

pytestmark = pytest.mark.django_db

PUBLIC = {"Banjir Rob Pantai Utara", "Banjir Laporan Penanganan"}
SECRET = "Rahasia"  # in every title that must never be shown


@pytest.fixture
def content(opds):
    bpbd, dinkes = opds["bpbd"], opds["dinkes"]
    revised = add_item(bpbd, "Banjir Rob Pantai Utara", summary="Air pasang.")
    revised.title = "Banjir Rahasia Revisi"  # a draft of a live page: not public
    revised.save_revision()
    add_dip_entry(dinkes, "Banjir Laporan Penanganan")
    add_item(bpbd, "Banjir Rahasia Draf", live=False)
    make_private(add_item(dinkes, "Banjir Rahasia Privat"))
    add_dip_entry(dinkes, "Banjir Rahasia Dikecualikan", kategori="dikecualikan")
    return opds


@pytest.mark.usefixtures("es_down", "content")
def test_the_portal_answers_from_the_database_with_a_notice(client):
    response = client.get("/cari/", {"q": "banjir"})
    assert response.status_code == 200
    html = response.content.decode()
    notice = html.split('class="search-notice search-notice--limited"', 1)[1]
    notice = notice.split("</div>", 1)[0]
    assert 'role="status"' in notice
    assert "Hasil terbatas." in notice and "mungkin tidak lengkap" in notice
    assert all(title in html for title in PUBLIC)
    assert "2 hasil" in html
    assert SECRET not in html


@pytest.mark.usefixtures("es_down", "content")
def test_the_api_answers_with_the_degraded_flag(client):
    response = client.get("/api/v1/search/", {"q": "banjir"})
    assert response.status_code == 200
    body = response.json()
    assert body["degraded"] is True
    assert body["degraded_reason"] == DEGRADED_REASON
    assert {hit["title"] for hit in body["results"]} == PUBLIC
    assert body["count"] == 2
    assert SECRET not in json.dumps(body)


@pytest.mark.usefixtures("es_down", "content")
def test_autocomplete_answers_from_the_database(client):
    response = client.get("/api/v1/search/suggest/", {"q": "banjir"})
    assert response.status_code == 200
    body = response.json()
    assert body["degraded"] is True
    assert body["degraded_reason"] == DEGRADED_REASON
    assert {row["title"] for row in body["suggestions"]} == PUBLIC
    assert SECRET not in json.dumps(body)


@pytest.mark.usefixtures("content")
def test_a_failure_opens_the_breaker_for_a_while(monkeypatch, es_down):
    now = [1000.0]
    monkeypatch.setattr(breaker, "clock", lambda: now[0])
    assert search_public(SearchParams(q="banjir"), record=False).degraded
    assert breaker.is_open(es_down)  # the next searches skip Elasticsearch
    now[0] += breaker.window_seconds() + 1
    assert not breaker.is_open(es_down)  # and then it is asked again


@pytest.mark.usefixtures("content")
def test_without_elasticsearch_configured_nothing_is_degraded(client, settings):
    settings.ELASTICSEARCH_URL = ""  # the embedded default: the database by design
    body = client.get("/api/v1/search/", {"q": "banjir"}).json()
    assert body["degraded"] is False and body["degraded_reason"] is None
    html = client.get("/cari/", {"q": "banjir"}).content.decode()
    assert "search-notice--limited" not in html and SECRET not in html
    rows = client.get("/api/v1/search/suggest/", {"q": "banjir"}).json()["suggestions"]
    assert {row["title"] for row in rows} == PUBLIC  # no exempted entry either
