"""GET /api/v1/search/ and /api/v1/search/suggest/: shape, 400s, no 500s; with
Elasticsearch down the database answers (more in test_degraded.py)."""

import pytest

from search.queries import breaker

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"
SUGGEST_URL = "/api/v1/search/suggest/"


@pytest.mark.usefixtures("corpus_index")
def test_search_response_shape(client):
    response = client.get(URL, {"q": "stunting", "opd": "dinkes"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"count", "results", "facets", "suggestion"}
    assert body["count"] == 4 and body["suggestion"] is None
    row = body["results"][0]
    assert set(row) == {
        "title",
        "url",
        "type",
        "opd",
        "published",
        "summary",
        "highlight",
        "promoted",
    }
    assert row["opd"] == {"slug": "dinkes", "name": "Dinas Kesehatan"}
    assert any("<mark>" in f for fs in row["highlight"].values() for f in fs)
    assert set(body["facets"]) == {"opd", "type", "kategori", "year"}
    assert {"value": 2024, "label": "2024", "count": 2, "selected": False} in (
        body["facets"]["year"]
    )


@pytest.mark.usefixtures("corpus_index")
def test_did_you_mean_in_the_api(client):
    body = client.get(URL, {"q": "imunisasi cmpk"}).json()
    assert body == {**body, "count": 0, "results": [], "suggestion": "imunisasi campak"}


@pytest.mark.parametrize(
    "query, names",
    [
        ({"year": "dua ribu"}, {"year"}),
        ({"kategori": "dikecualikan"}, {"kategori"}),
        ({"type": "blog", "page": "999999"}, {"type", "page"}),
        ({"q": "x" * 500}, {"q"}),  # longer than allowed, shorter than a 414 URI
        ({"q": ["a", "b"]}, {"q"}),
        ({"page_size": "1000"}, {"page_size"}),
    ],
)
def test_bad_parameters_give_400_naming_them(client, query, names):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == names


@pytest.mark.usefixtures("corpus_index")
@pytest.mark.parametrize(
    "q",
    [
        "𝔭𝔢𝔫𝔤𝔢𝔩𝔬𝔩𝔞𝔞𝔫 ☃ 😀",
        "\u202e\u200b\x00 stunting \x07",
        "اطلاعات 信息 информация",
        '"\\*?~^[]{}()<>:!/ AND OR NOT',
        "a" * 200,
        "é" * 200,
        "-",
    ],
)
def test_weird_queries_never_fail(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200, response.content
    assert response.json()["count"] < 50  # never "everything"
    assert client.get(SUGGEST_URL, {"q": q}).status_code == 200


@pytest.mark.usefixtures("corpus_index")
def test_repeated_list_parameters_are_merged(client):
    response = client.get(URL + "?type=video&type=podcast,video&opd=dinkes&opd=dispar")
    assert response.status_code == 200
    titles = {row["title"] for row in response.json()["results"]}
    assert titles == {
        "Edukasi Gizi Seimbang untuk Balita",
        "Festival Budaya Baduy 2025",
        "Mengenal Layanan Kesehatan Jiwa di Banten",
    }


@pytest.mark.usefixtures("corpus_index")
def test_suggest_endpoint(client):
    response = client.get(SUGGEST_URL, {"q": "penerimaan peserta"})
    assert response.status_code == 200
    assert response.json() == {
        "suggestions": [
            {
                "title": "Penerimaan Peserta Didik Baru SMA dan SMK Tahun 2025",
                "url": "/dindikbud/item-31/",
            }
        ],
        "degraded": False,
        "degraded_reason": None,
    }
    assert client.get(SUGGEST_URL).json()["suggestions"] == []
    bad = client.get(SUGGEST_URL, {"q": "x" * 201})
    assert bad.status_code == 400 and set(bad.json()["error"]["fields"]) == {"q"}


@pytest.mark.usefixtures("es_down")
def test_elasticsearch_down_answers_from_the_database(client):
    for url in (URL, SUGGEST_URL):
        response = client.get(url, {"q": "stunting"})
        assert response.status_code == 200
        assert response.json()["degraded"] is True
    assert client.get(URL, {"year": "x"}).status_code == 400  # still validated first


def test_a_missing_index_answers_from_the_database(client, settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "qry-test-absent"
    response = client.get(URL, {"q": "stunting"})
    assert response.status_code == 200 and response.json()["degraded"] is True
    # A missing index is not an outage: the next search asks Elasticsearch again.
    assert not breaker.is_open(settings.ELASTICSEARCH_URL)


def test_the_api_is_read_only(client):
    assert client.post(URL, {"q": "x"}).status_code == 405
    assert client.delete(SUGGEST_URL).status_code == 405


def test_published_dates_are_given_in_wib():
    from api.v1.serializers.search import LocalDateTimeField

    field = LocalDateTimeField(allow_null=True)
    assert field.to_representation("2026-11-06T01:00:00+00:00") == (
        "2026-11-06T08:00:00+07:00"
    )


@pytest.mark.usefixtures("corpus_index")
@pytest.mark.parametrize(
    "query",
    [
        {"q": "stunting", "opd": "dinkes"},
        {"q": "kesehtan"},  # a suggestion
        {"q": "tidak ada sama sekali xyz"},
        {"type": "rilis", "year": "2024"},
        {"q": "stunting", "degraded": "1"},  # the database answers
    ],
)
def test_the_response_is_what_the_documented_serializer_gives(query, request):
    from urllib.parse import urlencode

    from django.http import QueryDict
    from rest_framework.renderers import JSONRenderer

    from api.v1.serializers.search import (
        SearchResponseSerializer,
        search_response_data,
    )
    from search.queries.params import parse_search_params
    from search.queries.public import search_public

    query = dict(query)
    if query.pop("degraded", None):
        request.getfixturevalue("es_down")
    result = search_public(parse_search_params(QueryDict(urlencode(query))))
    direct = search_response_data(result)
    documented = SearchResponseSerializer(result).data
    assert direct == documented
    assert JSONRenderer().render(direct) == JSONRenderer().render(documented)
