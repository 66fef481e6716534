"""The API's contract as an outside client sees it: validators and 304 on every
GET (search too), empty dates refused, unknown URLs and over-long URIs answered in
the JSON error shape whatever the settings, and a schema that documents them."""

import pytest

from tests.factories import add_item

pytestmark = pytest.mark.django_db

SEARCH_URLS = ["/api/v1/search/?q=banjir", "/api/v1/search/suggest/?q=ban"]


# With Elasticsearch down (``es_down``) the database answers (``degraded``): the same
# body for the same request.
@pytest.mark.usefixtures("es_down")
@pytest.mark.parametrize("url", SEARCH_URLS)
def test_search_answers_carry_an_etag_and_revalidate_with_304(client, opds, url):
    add_item(opds["dinkes"], "Siaga banjir di bantaran sungai")
    first = client.get(url)
    assert first.status_code == 200 and first.json()["degraded"] is True
    etag = first["ETag"]
    assert etag.startswith('"') and client.get(url)["ETag"] == etag
    assert "Accept" in first["Vary"]
    # Degraded: kept by clients but revalidated (the index may be back).
    assert first["Cache-Control"] == "no-cache"

    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    changed = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200 and changed.json() == first.json()


@pytest.mark.parametrize("url", SEARCH_URLS)
def test_search_answers_from_the_index_are_public_and_validated(client, opds, url):
    response = client.get(url)
    assert response.status_code == 200 and response["ETag"]
    if not response.json()["degraded"]:
        assert response["Cache-Control"].startswith("public, max-age=")
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code in (200, 304)  # 200 only if the answer changed
    if again.status_code == 200:
        assert again["ETag"] != response["ETag"]


def test_search_errors_carry_no_validator(client, opds):
    response = client.get("/api/v1/search/", {"page": "0"})
    assert response.status_code == 400
    assert "ETag" not in response
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/content/", "updated_since"),
        ("/api/v1/content/", "published_after"),
        ("/api/v1/content/", "published_before"),
        ("/api/v1/content/tombstones/", "since"),
    ],
)
def test_empty_date_parameters_are_refused(client, opds, url, name):
    response = client.get(f"{url}?{name}=")
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error["fields"]) == {name}
    assert "kosong" in error["fields"][name][0]
    assert client.get(url).status_code == 200  # absent: no filter


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("path", ["/api/v1/tidak-ada/", "/api/lain", "/api/v9/x/y"])
def test_unknown_api_urls_answer_json_404_with_and_without_debug(
    client, settings, home, debug, path
):
    settings.DEBUG = debug
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


def test_a_known_endpoint_without_its_slash_is_still_redirected(client, settings, opds):
    settings.DEBUG = True
    response = client.get("/api/v1/opd?page_size=2")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/opd/?page_size=2"


def test_over_long_uris_answer_json_414(client, settings, opds):
    settings.API_MAX_URI_LENGTH = 200
    response = client.get("/api/v1/content/", {"tag": "x" * 300})
    assert response.status_code == 414
    assert response.json()["error"]["code"] == "uri_too_long"
    assert response["Cache-Control"] == "private, no-store"
    assert client.get("/api/v1/content/", {"tag": "x" * 100}).status_code == 200
    # The portal is not the API's to refuse.
    assert client.get("/?" + "q=" + "x" * 300).status_code != 414


@pytest.fixture
def spec(client, opds):
    return client.get("/api/v1/schema/").json()


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post"):
                yield f"{method.upper()} {path}", operation


def test_schema_documents_400_wherever_a_parameter_can_be_refused(spec):
    for label, operation in _operations(spec):
        refusable = any(
            p["in"] in ("query", "header") for p in operation.get("parameters", [])
        )
        if refusable or "requestBody" in operation:
            assert "400" in operation["responses"], label


def test_schema_documents_414_on_every_operation(spec):
    for label, operation in _operations(spec):
        content = operation["responses"]["414"]["content"]
        assert content["application/json"]["schema"]["$ref"].endswith("/Error"), label


def test_schema_documents_the_cursor_of_every_cursor_list(spec):
    paginated = []
    for label, operation in _operations(spec):
        if "200" not in operation["responses"]:
            continue
        body = operation["responses"]["200"]["content"]["application/json"]
        if body["schema"].get("$ref", "").split("/")[-1].startswith("Paginated"):
            paginated.append(label)
            names = {p["name"] for p in operation["parameters"]}
            assert {"cursor", "page_size"} <= names, label
            assert "400" in operation["responses"], label  # a forged cursor
    assert "GET /api/v1/content/tombstones/" in paginated


def test_search_parameters_are_described_exactly(spec):
    params = {
        p["name"]: p["schema"]
        for p in spec["paths"]["/api/v1/search/"]["get"]["parameters"]
    }
    assert params["year"]["items"] == {
        "type": "integer",
        "minimum": 1945,
        "maximum": 2100,
    }
    assert params["page"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert params["page_size"]["maximum"] == 50
    assert params["q"]["maxLength"] == 200
    assert set(params["kategori"]["items"]["enum"]) == {
        "berkala", "serta_merta", "setiap_saat",
    }  # fmt: skip
    dip = spec["paths"]["/api/v1/dip/"]["get"]["parameters"]
    tahun = next(p["schema"] for p in dip if p["name"] == "tahun")
    assert tahun["items"] == {"type": "integer", "minimum": 0, "maximum": 9999}
