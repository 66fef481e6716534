"""Open311 GeoReport v2 at /open311/v2/: every endpoint in JSON and XML, the
specification's field lists and root elements, its error format, privacy of the
public listing, keyed and anonymous POST limits."""

import json
from xml.etree import ElementTree

import pytest

from cms.complaints import services
from cms.complaints.models import Report
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

BASE = "/open311/v2/"
SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
ATTRIBUTE_FIELDS = {
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
CREATED_FIELDS = {"service_request_id", "service_notice", "account_id"}
IDENTITY = {"first_name": "Budi", "last_name": "Santoso", "email": "budi@example.org"}


def xml(response):
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b"<?xml version")
    return ElementTree.fromstring(response.content)


def fields(element) -> set[str]:
    return {child.tag for child in element}


def rows(element, tag) -> list[dict]:
    return [{c.tag: (c.text or "") for c in item} for item in element.findall(tag)]


def post(client, fmt="json", **data):
    return client.post(f"{BASE}requests.{fmt}", data)


def request_body(category, **fields):
    return {
        "service_code": category.slug,
        "lat": "-6.1201",
        "long": "106.1502",
        "description": "Lampu jalan padam sepanjang 200 meter.",
        "attribute[region]": "36.73",
        **IDENTITY,
        **fields,
    }


def test_services_in_json_and_xml(client, category):
    response = client.get(f"{BASE}services.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    (service,) = response.json()
    assert set(service) == SERVICE_FIELDS
    assert service["service_code"] == "jalan-rusak"
    assert service["metadata"] is True and service["type"] == "realtime"
    assert service["group"] == category.default_opd.title

    root = xml(client.get(f"{BASE}services.xml"))
    assert root.tag == "services"
    (element,) = root.findall("service")
    assert fields(element) == SERVICE_FIELDS
    assert element.findtext("metadata") == "true"


def test_service_definition_in_json_and_xml(client, category):
    definition = client.get(f"{BASE}services/jalan-rusak.json").json()
    assert definition["service_code"] == "jalan-rusak"
    region = definition["attributes"][0]
    assert set(region) >= ATTRIBUTE_FIELDS
    assert region["code"] == "region" and region["required"] is True
    assert region["datatype"] == "singlevaluelist"
    assert {"key": "36.04", "name": "Kabupaten Serang"} in region["values"]

    root = xml(client.get(f"{BASE}services/jalan-rusak.xml"))
    assert root.tag == "service_definition"
    attribute = root.find("attributes/attribute")
    assert fields(attribute) >= ATTRIBUTE_FIELDS
    values = rows(attribute.find("values"), "value")
    assert {"key": "36.01", "name": "Kabupaten Pandeglang"} in values


def test_a_short_first_line_does_not_become_a_refused_title(client, category):
    text = "Pak,\nlampu jalan padam sepanjang 200 meter."
    response = post(client, **request_body(category, description=text))
    assert response.status_code == 201, response.content
    (created,) = response.json()
    report = Report.objects.get(tracking_code=created["service_request_id"])
    assert report.title == "Pak, lampu jalan padam sepanjang 200 meter."


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_request_then_read_it_back(client, category, fmt):
    response = post(client, fmt, **request_body(category))
    assert response.status_code == 201, response.content
    if fmt == "json":
        (created,) = response.json()
        assert set(created) == CREATED_FIELDS
    else:
        root = xml(response)
        assert root.tag == "service_requests"
        assert fields(root.find("request")) == CREATED_FIELDS
        (created,) = rows(root, "request")
    request_id = created["service_request_id"]
    report = Report.objects.get(tracking_code=request_id)
    assert report.source == "open311" and report.privacy == "rahasia"
    assert report.reporter_name == "Budi Santoso"
    assert report.title == "Lampu jalan padam sepanjang 200 meter."

    one = client.get(f"{BASE}requests/{request_id}.{fmt}")
    assert one.status_code == 200
    if fmt == "json":
        (item,) = one.json()
        assert set(item) == REQUEST_FIELDS
    else:
        root = xml(one)
        assert root.tag == "service_requests"
        assert fields(root.find("request")) == REQUEST_FIELDS
        (item,) = rows(root, "request")
    assert item["service_request_id"] == request_id
    assert item["status"] == "open" and item["service_code"] == "jalan-rusak"
    assert item["address"] == "Kota Serang"
    assert "Budi" not in one.content.decode()
    assert "budi@" not in one.content.decode()


def test_without_identity_a_request_is_anonymous(client, category):
    body = request_body(category)
    for name in IDENTITY:
        body.pop(name)
    response = post(client, **body)
    assert response.status_code == 201
    report = Report.objects.get(tracking_code=response.json()[0]["service_request_id"])
    assert report.privacy == "anonim"


def test_listing_filters_and_hides_spam_and_private_text(client, category, opds):
    other = category.__class__.objects.create(name="Sampah", slug="sampah")
    shown = add_report(category=category, title="Trotoar retak di alun-alun")
    services.dispose(shown, verifier(), [opds["dinkes"]], "")
    secret = add_report(category=category, privacy="rahasia", title="Rahasia judul")
    services.dispose(secret, verifier(), [opds["dinkes"]], "")
    fresh = add_report(category=other, title="Belum diverifikasi")
    spam = add_report(category=category, status="spam")
    closed = add_report(category=category, status="arsip")

    listing = client.get(f"{BASE}requests.json").json()
    ids = {item["service_request_id"] for item in listing}
    assert ids == {r.tracking_code for r in (shown, secret, fresh, closed)}
    assert spam.tracking_code not in ids
    by_id = {item["service_request_id"]: item for item in listing}
    assert by_id[shown.tracking_code]["description"] == "Trotoar retak di alun-alun"
    assert by_id[shown.tracking_code]["agency_responsible"] == opds["dinkes"].title
    assert by_id[secret.tracking_code]["description"] == ""
    assert by_id[fresh.tracking_code]["description"] == ""
    text = json.dumps(listing)
    for report in (shown, secret, fresh):
        assert report.reporter_name not in text
        assert report.description not in text

    def ids_of(**params):
        found = client.get(f"{BASE}requests.json", params).json()
        return {item["service_request_id"] for item in found}

    assert ids_of(status="closed") == {closed.tracking_code}
    assert closed.tracking_code not in ids_of(status="open")
    assert ids_of(service_code="sampah") == {fresh.tracking_code}
    assert ids_of(service_request_id=f"{shown.tracking_code},{spam.tracking_code}") == {
        shown.tracking_code
    }
    assert ids_of(start_date="2099-01-01T00:00:00Z") == set()
    root = xml(client.get(f"{BASE}requests.xml", {"status": "closed"}))
    assert root.tag == "service_requests"
    assert [fields(r) for r in root.findall("request")] == [REQUEST_FIELDS]


def test_expected_datetime_and_agency_follow_the_report(client, category, opds):
    report = add_report(category=category)
    services.dispose(report, verifier(), [opds["bpbd"]], "")
    (item,) = client.get(f"{BASE}requests/{report.tracking_code}.json").json()
    disposition = report.dispositions.get(active=True)
    assert item["expected_datetime"].startswith(
        disposition.first_response_due.isoformat()
    )
    assert item["agency_responsible"] == opds["bpbd"].title
    services.respond(report, liaison_of(opds["bpbd"]), opds["bpbd"], "Ditangani")
    (item,) = client.get(f"{BASE}requests/{report.tracking_code}.json").json()
    assert item["status_notes"] == "Tindak lanjut"


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"service_code": ""}, "service_code"),
        ({"service_code": "tidak-ada"}, "service_code"),
        ({"attribute[region]": ""}, "attribute[region]"),
        ({"lat": "", "long": ""}, "lat"),
        ({"lat": "-6.9", "long": "110.4"}, "long"),
        ({"lat": "abc"}, "lat"),
        ({"description": ""}, "description"),
        ({"email": "bukan", "attribute[privacy]": "biasa"}, "email"),
        ({"phone": "------", "attribute[privacy]": "biasa"}, "phone"),
        ({"lat": "-6.9", "long": "107.6"}, "long"),  # Bandung
        ({"attribute[title]": "Jln"}, "attribute[title]"),
        ({"description": "Jalan rusak."}, "description"),
        ({"media_url": "javascript:alert(1)"}, "media_url"),
    ],
)
def test_bad_posts_answer_the_spec_error_format(client, category, fmt, change, named):
    response = post(client, fmt, **request_body(category, **change))
    assert response.status_code == 400
    if fmt == "json":
        errors = response.json()
    else:
        root = xml(response)
        assert root.tag == "errors"
        errors = rows(root, "error")
    assert errors and all(str(e["code"]) == "400" for e in errors)
    assert any(e["description"].startswith(named + ":") for e in errors), errors
    assert not Report.objects.exists()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_service_and_request_are_404(client, category, fmt):
    for url in ("services/tidak-ada", "requests/ABCDE-FGHJK", "requests/x"):
        response = client.get(f"{BASE}{url}.{fmt}")
        assert response.status_code == 404
        if fmt == "xml":
            assert xml(response).find("error/code").text == "404"
        else:
            assert response.json()[0]["code"] == 404


def test_bad_listing_parameters_are_400(client):
    for params in ({"status": "pending"}, {"start_date": "kemarin"}):
        response = client.get(f"{BASE}requests.json", params)
        assert response.status_code == 400
        assert response.json()[0]["code"] == 400


def test_spam_is_not_found(client, category):
    spam = add_report(category=category, status="spam")
    assert client.get(f"{BASE}requests/{spam.tracking_code}.xml").status_code == 404


def test_media_url_is_kept_as_a_link_not_fetched(client, category):
    url = "https://foto.example.org/lampu.jpg"
    response = post(client, **request_body(category, media_url=url))
    assert response.status_code == 201
    report = Report.objects.get(tracking_code=response.json()[0]["service_request_id"])
    assert report.description.endswith(url)


def test_unknown_api_key_is_403(client, category):
    response = post(client, "xml", api_key="sk_salah", **request_body(category))
    assert response.status_code == 403
    assert xml(response).find("error/code").text == "403"


def test_anonymous_posts_are_limited_keyed_have_more(client, category, settings):
    from api.keys.services import api_key_create

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "report_submit": "1/hour",
            "report_submit_key": "3/hour",
        },
    }
    here = {"REMOTE_ADDR": "198.51.100.31"}

    def send(n, **extra):
        data = request_body(category, description=f"Laporan warga nomor {n} " + "z" * n)
        return client.post(f"{BASE}requests.json", data, **extra)

    assert send(1, **here).status_code == 201
    refused = send(2, **here)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()[0]["code"] == 429
    _key, secret = api_key_create(name="Aplikasi warga")
    keyed = [
        client.post(
            f"{BASE}requests.json",
            {**request_body(category, description=f"Kunci nomor {n} " + "k" * n * 9),
             "api_key": secret},
            **here,
        ).status_code
        for n in range(1, 5)
    ]  # fmt: skip
    assert keyed == [201, 201, 201, 429]


def test_open311_is_not_cached_and_needs_no_csrf(category):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"{BASE}requests.json", request_body(category))
    assert response.status_code == 201
    listing = strict.get(f"{BASE}requests.json")
    assert listing["Cache-Control"] == "private, no-store"
    assert "X-Portal-Cache" not in listing


def test_unknown_open311_path_answers_in_the_error_format(client):
    response = client.get(f"{BASE}discovery.json")
    assert response.status_code == 404
    assert response.json()[0]["code"] == 404


def test_keyed_reads_spend_the_key_budget(client, category, settings):
    """As in the API: a request carrying a key (here a GET with ``X-Api-Key``)
    spends its key's budget, not its address's."""
    from api.keys.services import api_key_create

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anon": "2/min",
            "key": "4/min",
        },
    }
    _key, secret = api_key_create(name="Dasbor OPD")
    here = {"REMOTE_ADDR": "198.51.100.32"}
    keyed = [
        client.get(f"{BASE}services.json", HTTP_X_API_KEY=secret, **here).status_code
        for _ in range(5)
    ]
    assert keyed == [200, 200, 200, 200, 429]
    assert client.get(f"{BASE}services.json", **here).status_code == 200
    wrong = client.get(f"{BASE}services.json", HTTP_X_API_KEY="sk_salah", **here)
    assert wrong.status_code == 403
