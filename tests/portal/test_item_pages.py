"""Each content type's page: its media in accessible form, metadata for sharing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.content.models import (
    AnnouncementPage,
    InfographicPage,
    PodcastPage,
    PublicationPage,
    VideoPage,
)
from tests.factories import DocumentFactory, ImageFactory, add_item, add_series

from .helpers import html_of, json_ld, soup

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def test_news_item_has_date_in_wib_sharing_meta_and_news_article(client, opds):
    image = ImageFactory(title="Banjir")
    item = add_item(
        opds["bpbd"],
        "Banjir surut",
        summary="Air mulai surut di Lebak.",
        hero_image=image,
        hero_alt="Jalan tergenang",
        publish_date=datetime(2025, 3, 5, 14, 30, tzinfo=WIB),
        tags=["banjir"],
    )
    response = client.get(item.url)
    page = soup(response)
    assert page.find("time").get_text() == "5 Maret 2025, 14.30 WIB"
    assert page.find("time")["datetime"] == "2025-03-05T14:30:00+07:00"
    hero = page.select_one(".hero-image img")
    assert hero["alt"] == "Jalan tergenang" and "loading" not in hero.attrs
    assert page.select_one(".hero-image source[type='image/webp']")["srcset"]
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in page.find_all("meta")
        if tag.get("content")
    }
    assert meta["og:title"] == "Banjir surut"
    assert meta["og:description"] == "Air mulai surut di Lebak."
    assert meta["og:type"] == "article"
    assert meta["og:image"].startswith("http")
    assert meta["twitter:card"] == "summary_large_image"
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == meta["og:url"] and canonical.endswith(item.url)
    article = json_ld(response)[0]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Banjir surut"
    assert article["datePublished"] == "2025-03-05T14:30:00+07:00"
    assert article["publisher"]["name"] == opds["bpbd"].title
    assert page.select_one("a.tag")["href"] == "/topik/banjir/"


def test_announcement_shows_event_time_and_place(client, opds):
    start = datetime(2025, 8, 17, 8, 0, tzinfo=WIB)
    item = add_item(
        opds["dinkes"],
        "Upacara",
        model=AnnouncementPage,
        event_start=start,
        event_end=start + timedelta(hours=2),
        location="Alun-alun Serang",
    )
    event = soup(client.get(item.url)).select_one(".event").get_text(" ", strip=True)
    assert "17 Agustus 2025, 08.00 WIB" in event and "10.00 WIB" in event
    assert "Alun-alun Serang" in event


def test_infographic_links_the_full_size_image_and_shows_its_text(client, opds):
    image = ImageFactory(title="Stunting", width=1600, height=2400)
    item = add_item(
        opds["dinkes"],
        "Angka stunting",
        model=InfographicPage,
        images=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Grafik", "decorative": False},
            }
        ],
        text_alternative="<p>Angka stunting turun 3 persen.</p>",
    )
    page = soup(client.get(item.url))
    figure = page.select_one("figure.infographic")
    assert figure.img["alt"] == "Grafik" and figure.img.get("srcset")
    assert (
        figure.select_one("a.zoom")["href"].endswith(".png")
        or "original" in (figure.select_one("a.zoom")["href"])
    )
    alternative = page.select_one("#teks-alternatif").find_parent("section")
    assert "Angka stunting turun 3 persen." in alternative.get_text()


def test_video_file_has_captions_track_and_transcript(client, opds):
    item = add_item(
        opds["dinkes"],
        "Cuci tangan",
        model=VideoPage,
        video_file=DocumentFactory(title="cuci.mp4", name="cuci.mp4", content=b"data"),
        captions_file=DocumentFactory(
            title="cuci.vtt", name="cuci.vtt", content=b"WEBVTT\n"
        ),
        duration=timedelta(seconds=95),
        transcript="<p>Cuci tangan dua puluh detik.</p>",
    )
    page = soup(client.get(item.url))
    video = page.find("video")
    assert "controls" in video.attrs
    assert video.source["type"] == "video/mp4"
    track = video.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "id"
    assert track["src"].startswith("/dokumen/") and track["src"].endswith(".vtt")
    assert "1:35" in page.select_one(".player figcaption").get_text()
    assert "Cuci tangan dua puluh detik." in page.select_one(".transcript").get_text()


def test_youtube_video_uses_the_privacy_enhanced_player_with_a_title(client, opds):
    item = add_item(
        opds["dinkes"],
        "Senam pagi",
        model=VideoPage,
        embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    frame = soup(client.get(item.url)).find("iframe")
    assert frame["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert "Senam pagi" in frame["title"] and frame["loading"] == "lazy"


def test_podcast_has_audio_player_show_notes_and_transcript(client, opds):
    item = add_item(
        opds["diskominfo"],
        "Siniar episode 1",
        model=PodcastPage,
        audio_file=DocumentFactory(
            title="episode.mp3", name="episode.mp3", content=b"x" * 2048
        ),
        show_notes="<p>Bersama Kadis Kominfo.</p>",
        transcript="<p>Halo pendengar.</p>",
    )
    page = soup(client.get(item.url))
    assert "controls" in page.find("audio").attrs
    assert page.find("audio").source["type"] == "audio/mpeg"
    assert "Bersama Kadis Kominfo." in page.select_one(".show-notes").get_text()
    assert "Halo pendengar." in page.select_one(".transcript").get_text()


def test_document_download_names_type_and_human_size(client, opds):
    document = DocumentFactory(
        title="laporan.pdf", name="laporan.pdf", content=b"%PDF" + b"0" * 1_258_287
    )
    item = add_item(
        opds["diskominfo"], "LKjIP 2024", model=PublicationPage, document=document
    )
    link = soup(client.get(item.url)).select_one(".download a")
    assert link["href"] == document.url
    assert "(PDF, 1,2 MB)" in link.get_text(" ", strip=True)


def test_private_collection_media_never_appear(client, opds):
    opd = opds["dinkes"]
    opd.refresh_from_db()
    secret_image = ImageFactory(title="Rahasia", collection=opd.exempt_collection)
    secret_document = DocumentFactory(title="Nota", collection=opd.exempt_collection)
    item = add_item(
        opd,
        "Dengan lampiran rahasia",
        model=PublicationPage,
        hero_image=secret_image,
        document=secret_document,
    )
    html = html_of(client.get(item.url))
    assert "<picture" not in html and "og:image" not in html
    assert secret_document.url not in html and "Unduh" not in html
    assert "/images/" not in html


def test_item_in_a_series_links_its_neighbours(client, opds):
    series = add_series(opds["diskominfo"], "Info RB Tematik", slug="info-rb")
    add_item(opds["bpbd"], "Bagian satu", series=series, series_order=1)
    second = add_item(opds["dinkes"], "Bagian dua", series=series, series_order=2)
    add_item(opds["bpbd"], "Bagian tiga", series=series, series_order=3)
    page = soup(client.get(second.url))
    assert "2 dari 3" in page.select_one(".series-note").get_text()
    nav = page.select_one(".series-nav")
    assert "Bagian satu" in nav.select_one("a[rel=prev]").get_text()
    assert "Bagian tiga" in nav.select_one("a[rel=next]").get_text()
    series_page = html_of(client.get(series.url))
    assert series_page.index("Bagian satu") < series_page.index("Bagian tiga")


def test_an_items_page_costs_the_same_queries_in_a_long_series(client, opds):
    # A weekly podcast gathers hundreds of episodes: its neighbours must not cost a
    # query each.
    def second_of(length, slug):
        series = add_series(opds["diskominfo"], f"Seri {slug}", slug=slug)
        items = [
            add_item(
                opds["dinkes"], f"{slug} bagian {n}", series=series, series_order=n
            )
            for n in range(1, length + 1)
        ]
        return items[1]

    short, long = second_of(3, "pendek"), second_of(12, "panjang")
    client.get(add_item(opds["bpbd"], "Pemanasan").url)  # per-process lookups
    counts = []
    for item in (short, long):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(item.url)
        assert response.status_code == 200
        counts.append(len(queries.captured_queries))
    assert "2 dari 12" in soup(client.get(long.url)).select_one(".series-note").text
    assert counts[0] == counts[1], counts
