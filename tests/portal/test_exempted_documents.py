"""A document attached to an exempted DIP entry is not offered on the portal, also
where a public entry or item links it: no title, no link, no JSON-LD distribution.
(The same case on the API, feeds and search: ``test_exempted_documents`` there.)"""

import pytest

from cms.content.models import PublicationPage
from cms.dip.models import DIPDocument
from tests.cms.core.scenario import OPEN_TITLE, SHARED_TITLE, shared_document
from tests.factories import add_dip_entry, add_item, publish

from .helpers import html_of, json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(opds):
    return shared_document(opds["dinkes"])


def test_public_entry_page_offers_only_its_own_documents(client, case):
    response = client.get(case.entry.url)
    html = html_of(response)
    assert OPEN_TITLE in html and case.open.url in html
    assert SHARED_TITLE not in html and case.shared.url not in html
    [dataset] = [d for d in json_ld(response) if d.get("@type") == "Dataset"]
    assert [d["name"] for d in dataset["distribution"]] == [OPEN_TITLE]
    # What the page no longer offers is not served either.
    assert client.get(case.shared.url).status_code == 404


def test_dip_listings_do_not_name_the_document(client, case):
    for url in ("/dip/", case.entry.get_parent().url):
        assert SHARED_TITLE not in html_of(client.get(url)), url


def test_a_publication_linking_the_document_does_not_offer_it(client, case, opds):
    page = add_item(
        opds["dinkes"], "Publikasi", model=PublicationPage, document=case.shared
    )
    html = html_of(client.get(page.url))
    assert case.shared.url not in html and SHARED_TITLE not in html


def test_a_document_attached_in_a_pending_draft_is_withheld_too(client, case, opds):
    """An officer exempting an entry in a draft withholds its documents at once."""
    opd = opds["dinkes"]
    draft = add_dip_entry(opd, "Kajian keamanan", live=False)
    other = add_item(opd, "Unduhan", model=PublicationPage, document=case.open)
    draft.kategori = "dikecualikan"
    draft.dasar_hukum = "Pasal 17 huruf a UU 14/2008"
    draft.documents.add(DIPDocument(document=case.open))
    draft.save_revision()  # not published: the link exists only in the revision
    html = html_of(client.get(case.entry.url))
    assert OPEN_TITLE not in html and case.open.url not in html
    assert case.open.url not in html_of(client.get(other.url))


def test_once_no_longer_exempted_the_document_is_offered_again(client, case):
    case.exempted.kategori = "berkala"
    publish(case.exempted)
    html = html_of(client.get(case.entry.url))
    assert SHARED_TITLE in html and case.shared.url in html
