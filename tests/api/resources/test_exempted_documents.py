"""A document attached to an exempted DIP entry is left out of the API, also where
a public entry or item links it."""

import json

import pytest

from cms.content.models import PublicationPage
from tests.cms.core.scenario import OPEN_TITLE, SHARED_TITLE, shared_document
from tests.factories import add_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(opds):
    return shared_document(opds["dinkes"])


def test_dip_endpoints_list_only_the_entrys_own_document(client, case):
    for url in ("/api/v1/dip/", "/api/v1/opd/dinkes/dip/"):
        body = client.get(url).json()
        [berkala] = [g for g in body["groups"] if g["kategori"] == "berkala"]
        [listed] = berkala["entries"]
        assert [d["title"] for d in listed["documents"]] == [OPEN_TITLE], url
        assert SHARED_TITLE not in json.dumps(body), url


def test_an_item_linking_the_document_shows_none(client, case, opds):
    page = add_item(
        opds["dinkes"], "Publikasi", model=PublicationPage, document=case.shared
    )
    body = client.get(f"/api/v1/content/{page.pk}/").json()
    assert body["document"] is None
    assert SHARED_TITLE not in json.dumps(body)
