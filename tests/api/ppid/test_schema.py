"""The schema describes the information-request endpoints' real answers exactly
(objects may not carry undocumented keys): receipt, the requester's view, an
objection, the register and the errors."""

import json

import pytest

from tests.api.complaints.test_schema import check
from tests.portal.ppid_helpers import grant_with_document, refuse, request_data

pytestmark = pytest.mark.django_db

BASE = "/api/v1/information-requests/"


def _body():
    data = request_data()
    for name in ("consent", "situs_web"):
        data.pop(name)
    data["addressed_opd"] = None
    return data


def _post(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def test_real_answers_conform_to_the_schema(client, opds):
    from cms.ppid.models import InformationRequest

    spec = client.get("/api/v1/schema/").json()
    created = _post(client, BASE, _body())
    assert created.status_code == 201
    check(spec, BASE, "post", created)
    bad = _post(client, BASE, {**_body(), "purpose": ""})
    check(spec, BASE, "post", bad)

    token = {"HTTP_X_REQUEST_TOKEN": created.json()["token"]}
    mine = f"{BASE}mine/"
    check(spec, mine, "get", client.get(mine, **token))
    info = InformationRequest.objects.get()
    grant_with_document(info)
    check(spec, mine, "get", client.get(mine, **token))
    check(spec, mine, "get", client.get(mine, HTTP_X_REQUEST_TOKEN="x" * 40))

    refused = _post(client, BASE, _body()).json()
    refuse(InformationRequest.objects.get(register_number=refused["register_number"]))
    objections = f"{mine}objections/"
    answer = _post(
        client,
        objections,
        {"grounds": ["a"], "reason": "Bukan data pribadi."},
        HTTP_X_REQUEST_TOKEN=refused["token"],
    )
    assert answer.status_code == 201
    check(spec, objections, "post", answer)
    check(
        spec,
        objections,
        "post",
        _post(
            client, objections, {"grounds": []}, HTTP_X_REQUEST_TOKEN=refused["token"]
        ),
    )

    register = f"{BASE}register/"
    check(spec, register, "get", client.get(register))
    check(spec, register, "get", client.get(register, {"page": "5"}))
