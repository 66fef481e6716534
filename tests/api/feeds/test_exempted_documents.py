"""A document attached to an exempted DIP entry is not advertised by the feeds (as
a podcast's audio) nor listed by the sitemap."""

import re

import pytest

from cms.content.models import PodcastPage
from tests.cms.core.scenario import shared_document
from tests.factories import add_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(opds):
    return shared_document(opds["dinkes"])


def _text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_feeds_do_not_advertise_the_document(client, case, opds):
    add_item(opds["dinkes"], "Siniar", model=PodcastPage, audio_file=case.shared)
    for url in (
        "/feed/rss.xml",
        "/feed/atom.xml",
        "/feed/opd/dinkes/rss.xml",
        "/feed/opd/dinkes/atom.xml",
    ):
        text = _text(client, url)
        assert "Siniar" in text, url
        assert case.shared.url not in text and "enclosure" not in text, url


def test_sitemap_lists_the_public_entry_only(client, case):
    index = _text(client, "/sitemap.xml")
    sections = re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", index)
    text = "".join(_text(client, section) for section in sections)
    assert case.entry.url in text
    assert case.exempted.url not in text
    assert case.shared.url not in text and case.open.url not in text
