"""RSS and Atom feeds: public items only, newest first, scoped to an OPD or series."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from cms.content.models import ArticlePage, PodcastPage
from tests.factories import (
    DocumentFactory,
    add_item,
    add_series,
    days_ago,
    make_private,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
ITUNES_DURATION = "{http://www.itunes.com/dtds/podcast-1.0.dtd}duration"


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel").findall("item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def titles(items):
    return [item.findtext("title") for item in items]


@pytest.fixture
def items(opds):
    """Public items of two OPDs, plus what must never be listed."""
    kominfo, dinkes = opds["diskominfo"], opds["dinkes"]
    add_item(kominfo, "Rilis lama", publish_date=days_ago(5), summary="Lama.")
    add_item(
        dinkes,
        "Artikel gizi",
        model=ArticlePage,
        publish_date=days_ago(2),
        summary="Makan bergizi gratis.",
    )
    newest = add_item(kominfo, "Rilis baru", publish_date=days_ago(1))
    newest.tags.add("transformasi digital")
    newest.save_revision().publish()
    add_item(kominfo, "Draf rahasia", live=False, publish_date=days_ago(0))
    make_private(add_item(dinkes, "Catatan internal", publish_date=days_ago(0)))
    return opds


def test_province_feed_lists_public_items_of_every_opd_newest_first(client, items):
    listed = rss_items(client, "/feed/rss.xml")
    assert titles(listed) == ["Rilis baru", "Artikel gizi", "Rilis lama"]


def test_rss_item_carries_link_author_categories_and_stable_guid(client, items):
    item = rss_items(client, "/feed/rss.xml")[0]
    assert item.findtext("link").startswith("http://testserver/diskominfo/rilis-baru-")
    assert item.findtext(DC_CREATOR).startswith("Dinas Komunikasi")
    assert [c.text for c in item.findall("category")] == [
        "rilis",
        "transformasi digital",
    ]
    guid = item.find("guid")
    assert guid.text.startswith("urn:sipanganten:halaman:")
    assert guid.get("isPermaLink") == "false"
    assert item.findtext("pubDate")


def test_description_is_the_summary(client, items):
    by_title = {i.findtext("title"): i for i in rss_items(client, "/feed/rss.xml")}
    assert by_title["Artikel gizi"].findtext("description") == "Makan bergizi gratis."


def test_guid_survives_a_rename(client, items):
    before = rss_items(client, "/feed/rss.xml")[0].findtext("guid")
    page = items["diskominfo"].get_children().specific().get(title="Rilis baru")
    page.title, page.slug = "Rilis baru (ralat)", "rilis-ralat"
    page.save_revision().publish()
    after = rss_items(client, "/feed/rss.xml")[0]
    assert after.findtext("title") == "Rilis baru (ralat)"
    assert after.findtext("guid") == before


def test_opd_feed_lists_only_that_opd(client, items):
    assert titles(rss_items(client, "/feed/opd/diskominfo/rss.xml")) == [
        "Rilis baru",
        "Rilis lama",
    ]
    assert titles(rss_items(client, "/feed/opd/dinkes/rss.xml")) == ["Artikel gizi"]
    assert rss_items(client, "/feed/opd/bpbd/rss.xml") == []


def test_atom_feeds_mirror_rss(client, items):
    entries = atom_entries(client, "/feed/opd/diskominfo/atom.xml")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Rilis baru", "Rilis lama"]
    entry = entries[0]
    assert entry.findtext(f"{ATOM}id").startswith("urn:sipanganten:halaman:")
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name").startswith("Dinas")
    assert entry.find(f"{ATOM}link").get("href").startswith("http")
    assert len(atom_entries(client, "/feed/atom.xml")) == 3


def test_feed_keeps_the_twenty_newest(client, opds):
    for n in range(22):
        add_item(opds["bpbd"], f"Siaga {n}", publish_date=days_ago(30 - n))
    listed = titles(rss_items(client, "/feed/opd/bpbd/rss.xml"))
    assert len(listed) == 20
    assert listed[0] == "Siaga 21" and listed[-1] == "Siaga 2"


def test_unknown_or_unpublished_opd_is_404(client, items):
    assert client.get("/feed/opd/tidak-ada/rss.xml").status_code == 404
    opd = items["bpbd"]
    opd.unpublish()
    assert client.get("/feed/opd/bpbd/rss.xml").status_code == 404
    assert client.get("/feed/opd/bpbd/atom.xml").status_code == 404


def test_series_feed_lists_items_of_any_opd_newest_first(client, opds):
    series = add_series(opds["diskominfo"], "Info RB Tematik", slug="info-rb")
    add_item(opds["dinkes"], "Episode 1", series=series, publish_date=days_ago(3))
    add_item(opds["diskominfo"], "Episode 2", series=series, publish_date=days_ago(1))
    add_item(opds["diskominfo"], "Di luar seri", publish_date=days_ago(0))
    add_item(opds["dinkes"], "Draf seri", series=series, live=False)
    url = "/feed/seri/diskominfo/info-rb/rss.xml"
    assert titles(rss_items(client, url)) == ["Episode 2", "Episode 1"]
    assert len(atom_entries(client, "/feed/seri/diskominfo/info-rb/atom.xml")) == 2
    # A series is found under its own OPD only; an unpublished one is gone.
    assert client.get("/feed/seri/dinkes/info-rb/rss.xml").status_code == 404
    series.unpublish()
    assert client.get(url).status_code == 404


def test_podcast_episode_has_an_enclosure_podcast_apps_can_play(client, opds):
    opd = opds["diskominfo"]
    audio = DocumentFactory(
        title="episode.mp3",
        name="episode.mp3",
        content=b"\x00" * 4321,
        collection=opd.collection,
    )
    add_item(
        opd,
        "Siniar episode 1",
        model=PodcastPage,
        audio_file=audio,
        duration=timedelta(minutes=12, seconds=5),
    )
    item = rss_items(client, "/feed/opd/diskominfo/rss.xml")[0]
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith("http")
    assert enclosure.get("url").endswith(audio.url)
    assert enclosure.get("length") == "4321"
    assert enclosure.get("type") == "audio/mpeg"
    assert item.findtext(ITUNES_DURATION) == "725"
    assert "podcast" in [c.text for c in item.findall("category")]
    atom_link = [
        link
        for link in atom_entries(client, "/feed/opd/diskominfo/atom.xml")[0].findall(
            f"{ATOM}link"
        )
        if link.get("rel") == "enclosure"
    ]
    assert atom_link[0].get("type") == "audio/mpeg"


def test_audio_in_a_private_collection_is_not_advertised(client, opds):
    opd = opds["diskominfo"]
    audio = DocumentFactory(
        title="episode.mp3",
        name="episode.mp3",
        content=b"\x00" * 2048,
        collection=opd.exempt_collection,
    )
    add_item(opd, "Siniar tertutup", model=PodcastPage, audio_file=audio)
    item = rss_items(client, "/feed/opd/diskominfo/rss.xml")[0]
    assert item.findtext("title") == "Siniar tertutup"
    assert item.find("enclosure") is None


def test_feeds_are_cacheable_for_a_few_minutes(client, items):
    response = client.get("/feed/rss.xml")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert response["Last-Modified"]


def test_portal_pages_announce_their_feeds(client, opds):
    add_series(opds["dinkes"], "Gizi", slug="gizi")
    for path, feed in [
        ("/", "/feed/rss.xml"),
        ("/dinkes/", "/feed/opd/dinkes/rss.xml"),
        ("/dinkes/gizi/", "/feed/seri/dinkes/gizi/rss.xml"),
    ]:
        html = client.get(path).content.decode()
        assert 'type="application/rss+xml" title="' in html, path
        assert f'href="{feed}"' in html, path
        assert client.get(feed).status_code == 200
