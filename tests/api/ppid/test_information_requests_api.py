"""Information requests through the API (/api/v1/information-requests/): file
(JSON and multipart with a badan hukum's document), follow with the token header,
download the answer by its signed link, object; the public register without
identity; bad input is a 400 naming the field; rate limits."""

import json
import uuid

import pytest

from cms.ppid.models import IdentityDocument, InformationRequest, Objection
from tests.portal.ppid_helpers import (
    ADDRESS,
    NAME,
    NIK,
    PHONE,
    grant_with_document,
    pdf_file,
    refuse,
    request_data,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/information-requests/"
MINE = f"{URL}mine/"
OBJECTIONS = f"{MINE}objections/"
REGISTER = f"{URL}register/"
NO_STORE = "private, no-store"


def body(**fields) -> dict:
    data = request_data(**fields)
    for name in ("consent", "situs_web"):
        data.pop(name)
    data["addressed_opd"] = fields.get("addressed_opd")
    return data


def post_json(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def file_request(client, **fields) -> dict:
    response = post_json(client, URL, body(**fields))
    assert response.status_code == 201, response.content
    return response.json()


def mine(client, token):
    return client.get(MINE, HTTP_X_REQUEST_TOKEN=token)


def test_file_follow_download_and_object(client, opds):
    receipt = file_request(client, addressed_opd="dinkes")
    assert set(receipt) == {
        "register_number", "status", "filed_on", "addressed_to", "deadline",
        "token", "page_url",
    }  # fmt: skip
    info = InformationRequest.objects.get(register_number=receipt["register_number"])
    assert info.source == "api" and info.addressed_opd == opds["dinkes"]
    assert receipt["deadline"]["due"] == info.due_on.isoformat()
    assert "hari kerja" in receipt["deadline"]["label"]
    assert receipt["page_url"].endswith(f"/ppid/permohonan/{receipt['token']}/")

    view = mine(client, receipt["token"])
    assert view.status_code == 200 and view["Cache-Control"] == NO_STORE
    data = view.json()
    assert data["status"]["code"] == "diproses" or data["status"]["code"] == "diterima"
    assert data["decision"] is None and data["objection_window"]["open"] is False

    grant_with_document(info)
    data = mine(client, receipt["token"]).json()
    assert data["decision"]["code"] == "diberikan_seluruhnya"
    [document] = data["documents"]
    download = client.get(document["url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert data["objection_window"]["open"] is True
    assert "a" not in data["objection_window"]["grounds"]

    refused = file_request(client)
    refuse(InformationRequest.objects.get(register_number=refused["register_number"]))
    token = {"HTTP_X_REQUEST_TOKEN": refused["token"]}
    objection = {"grounds": ["a", "c"], "reason": "Bukan informasi yang dikecualikan."}
    response = post_json(client, OBJECTIONS, objection, **token)
    assert response.status_code == 201, response.content
    assert response.json()["grounds"] == ["a", "c"]
    assert Objection.objects.filter(request__register_number=refused["register_number"])
    again = post_json(client, OBJECTIONS, objection, **token)
    assert again.status_code == 400  # one open objection at most


def test_objection_before_a_decision_is_refused(client, opds):
    receipt = file_request(client)
    response = post_json(
        client,
        OBJECTIONS,
        {"grounds": ["c"], "reason": "Belum dijawab."},
        HTTP_X_REQUEST_TOKEN=receipt["token"],
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_parameter"


@pytest.mark.parametrize("token", ["x" * 43, "a" * 5000])
def test_unknown_token_is_a_404(client, opds, token):
    extra = {"HTTP_X_REQUEST_TOKEN": token}
    response = client.get(MINE, **extra)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    response = post_json(client, OBJECTIONS, {"grounds": ["c"], "reason": "x"}, **extra)
    assert response.status_code == 404


@pytest.mark.parametrize("token", [None, ""])
def test_missing_token_is_a_400_naming_the_header(client, opds, token):
    """A client bug, not a guess: said so (the schema marks the header required)."""
    extra = {} if token is None else {"HTTP_X_REQUEST_TOKEN": token}
    for response in (
        client.get(MINE, **extra),
        post_json(client, OBJECTIONS, {"grounds": ["c"], "reason": "x"}, **extra),
    ):
        assert response.status_code == 400
        assert list(response.json()["error"]["fields"]) == ["X-Request-Token"]


def test_token_answer_holds_no_identity(client, opds):
    receipt = file_request(client, email="siti.rahasia@example.org")
    text = mine(client, receipt["token"]).content.decode()
    for secret in (NAME, NIK, PHONE, ADDRESS, "siti.rahasia"):
        assert secret not in text


def test_register_lists_requests_without_identity(client, opds):
    for n in range(3):
        file_request(client, email=f"siti.rahasia{n}@example.org")
    response = client.get(REGISTER, {"page_size": "2"})
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]
    row = page["results"][0]
    assert set(row) == {
        "register_number", "filed_on", "information_requested", "opd", "status",
        "decision", "decided_on",
    }  # fmt: skip
    text = response.content.decode() + client.get(page["next"]).content.decode()
    for secret in (NAME, NIK, PHONE, ADDRESS, "siti.rahasia"):
        assert secret not in text
    bad = client.get(REGISTER, {"page": "99"})
    assert bad.status_code == 400 and "page" in bad.json()["error"]["fields"]
    assert client.get(REGISTER, {"page_size": "0"}).status_code == 400


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"identity_number": "123"}, "identity_number"),
        ({"email": "bukan surel", "phone": ""}, "email"),
        ({"information_requested": "pendek"}, "information_requested"),
        ({"purpose": ""}, "purpose"),
        ({"obtain_method": "x"}, "obtain_method"),
        ({"addressed_opd": "tidak-ada"}, "addressed_opd"),
        ({"addressed_opd": "a\x00b"}, "addressed_opd"),
        ({"requester_kind": "badan_hukum"}, "identity_upload"),
    ],
)
def test_bad_input_names_the_field(client, opds, change, field):
    response = post_json(client, URL, {**body(), **change})
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter" and field in error["fields"]
    assert not InformationRequest.objects.exists()


def test_multipart_badan_hukum_with_its_document(client, opds):
    data = body(requester_kind="badan_hukum", identity_number="AHU-0012345.AH.01")
    data["addressed_opd"] = ""
    data["identity_upload"] = pdf_file()
    response = client.post(URL, data)
    assert response.status_code == 201, response.content
    assert IdentityDocument.objects.get().request.requester_kind == "badan_hukum"


def test_multipart_badan_hukum_document_must_be_a_pdf(client, opds):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = body(requester_kind="badan_hukum", identity_number="AHU-0012345.AH.01")
    data["addressed_opd"] = ""
    data["identity_upload"] = SimpleUploadedFile("akta.pdf", b"<html>bukan pdf</html>")
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "identity_upload" in response.json()["error"]["fields"]


def test_submission_rate_limit(client, opds, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "ppid_submit_email": "1/day",
        },
    }
    email = f"sering-{uuid.uuid4().hex[:6]}@example.org"
    assert post_json(client, URL, body(email=email)).status_code == 201
    response = post_json(client, URL, body(email=email))
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
