"""Content items: list, detail, by OPD + slug; what is private never appears."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from cms.content.models import (
    AnnouncementPage,
    ArticlePage,
    InfographicPage,
    PodcastPage,
    PublicationPage,
    VideoPage,
)
from cms.core.public_urls import page_public_url
from tests.factories import DocumentFactory, ImageFactory, add_item, add_series, publish

pytestmark = pytest.mark.django_db


def raw(*blocks):
    """StreamField content in its stored (JSON) form."""
    return [{"type": kind, "value": value} for kind, value in blocks]


def titles(response):
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_list_shows_public_items_only(client, opds):
    add_item(opds["dinkes"], "Terbit")
    add_item(opds["dinkes"], "Draf", live=False)
    private = add_item(opds["bpbd"], "Privat")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    unpublished = add_item(opds["bpbd"], "Ditarik")
    unpublished.unpublish()

    assert titles(client.get("/api/v1/content/")) == ["Terbit"]
    for page in (private, unpublished):
        assert client.get(f"/api/v1/content/{page.pk}/").status_code == 404
    draft_slug = "item-draf"
    add_item(opds["dinkes"], "Draf 2", live=False, slug=draft_slug)
    assert client.get(f"/api/v1/opd/dinkes/content/{draft_slug}/").status_code == 404


def test_list_item_shape(client, opds):
    series = add_series(opds["dinkes"], "Sehat", slug="sehat")
    item = add_item(
        opds["dinkes"],
        "Imunisasi",
        summary="Ringkas",
        tags=["Kesehatan Anak"],
        series=series,
        series_order=2,
        hero_image=ImageFactory(width=700),
        hero_alt="Anak diimunisasi",
    )
    row = client.get("/api/v1/content/").json()["results"][0]
    assert row["id"] == item.pk
    assert row["type"] == "rilis"
    assert row["url"].startswith("http") and row["url"].endswith(f"/{item.slug}/")
    assert row["api_url"] == f"http://testserver/api/v1/content/{item.pk}/"
    assert row["opd"] == {"slug": "dinkes", "name": "Dinas Kesehatan"}
    assert row["published"].endswith("+07:00")  # WIB
    assert row["summary"] == "Ringkas"
    assert row["tags"] == [{"slug": "kesehatan-anak", "name": "Kesehatan Anak"}]
    assert row["series"] == {"slug": "sehat", "title": "Sehat", "order": 2}
    hero = row["hero_image"]
    assert hero["alt"] == "Anak diimunisasi"
    # Never upscaled: a 700 px image offers 320 and 640 only.
    assert set(hero["renditions"]) == {"320", "640"}
    assert hero["renditions"]["320"].startswith("http")
    assert hero["srcset"].endswith(" 640w")
    assert "body" not in row


def test_private_collection_images_are_never_exposed(client, opds):
    opd = opds["dinkes"]
    opd.refresh_from_db()
    secret = ImageFactory(title="Rahasia", collection=opd.exempt_collection)
    item = add_item(opd, "Dengan gambar rahasia", hero_image=secret)
    row = client.get("/api/v1/content/").json()["results"][0]
    assert row["hero_image"] is None
    detail = client.get(f"/api/v1/content/{item.pk}/").json()
    assert detail["hero_image"] is None
    assert "Rahasia" not in str(client.get(f"/api/v1/content/{item.pk}/").content)


def test_detail_body_blocks_and_resolved_links(client, opds):
    target = add_item(opds["bpbd"], "Tujuan")
    document = DocumentFactory(title="Laporan")
    image = ImageFactory(title="Foto isi")
    body = raw(
        (
            "paragraph",
            f'<p>Lihat <a linktype="page" id="{target.pk}">ini</a> dan '
            f'<a linktype="document" id="{document.pk}">laporan</a>'
            "<script>alert(1)</script></p>",
        ),
        ("image", {"image": image.pk, "alt_text": "Banjir", "decorative": False}),
        ("quote", {"text": "Siaga", "attribution": "BPBD"}),
        ("document", document.pk),
    )
    item = add_item(opds["bpbd"], "Banjir", model=ArticlePage, body=body)
    item.related_links.create(target=target)
    draft = add_item(opds["bpbd"], "Draf terkait", live=False)
    item.related_links.create(target=draft)
    publish(item)

    response = client.get("/api/v1/opd/bpbd/content/" + item.slug + "/")
    assert response.status_code == 200
    data = response.json()
    assert client.get(f"/api/v1/content/{item.pk}/").json() == data
    paragraph, image_block, quote, document_block = data["body"]
    assert paragraph["type"] == "paragraph" and paragraph["id"]
    html = paragraph["value"]
    assert f'href="{page_public_url(target)}"' in html
    assert f"/dokumen/{document.pk}/" in html and 'href="http' in html
    assert "script" not in html and "alert" not in html
    assert image_block["value"]["alt"] == "Banjir"
    assert image_block["value"]["renditions"]
    assert quote["value"] == {"text": "Siaga", "attribution": "BPBD"}
    assert document_block["value"]["title"] == "Laporan"
    assert document_block["value"]["url"].startswith("http")
    assert data["related_links"] == [
        {"id": target.pk, "title": "Tujuan", "url": page_public_url(target)}
    ]


def test_type_specific_fields(client, opds):
    opd = opds["diskominfo"]
    start = datetime.datetime(2025, 8, 17, 8, 0, tzinfo=datetime.UTC)
    pages = {
        "pengumuman": add_item(
            opd, "Upacara", model=AnnouncementPage, event_start=start, location="Serang"
        ),
        "infografis": add_item(
            opd,
            "Grafik",
            model=InfographicPage,
            images=raw(("image", {"image": ImageFactory().pk, "alt_text": "Grafik"})),
            text_alternative="<p>Data lengkap</p>",
        ),
        "video": add_item(
            opd,
            "Klip",
            model=VideoPage,
            embed_url="https://youtu.be/x",
            duration=datetime.timedelta(minutes=2),
            captions_file=DocumentFactory(title="Takarir", name="t.vtt"),
            transcript="<p>Halo</p>",
        ),
        "podcast": add_item(
            opd,
            "Siniar",
            model=PodcastPage,
            audio_file=DocumentFactory(title="Audio", name="a.mp3"),
            show_notes="<p>Catatan</p>",
        ),
        "dokumen": add_item(
            opd, "LKIP", model=PublicationPage, document=DocumentFactory(title="LKIP")
        ),
    }
    data = {
        code: client.get(f"/api/v1/content/{page.pk}/").json()
        for code, page in pages.items()
    }
    assert data["pengumuman"]["event_start"] == "2025-08-17T15:00:00+07:00"
    assert data["pengumuman"]["event_end"] is None
    assert data["pengumuman"]["location"] == "Serang"
    assert data["infografis"]["images"][0]["alt"] == "Grafik"
    assert data["infografis"]["text_alternative"] == "<p>Data lengkap</p>"
    assert data["video"]["duration"] == 120
    assert data["video"]["captions_file"]["content_type"] == "text/vtt"
    assert data["video"]["video_file"] is None
    assert data["podcast"]["audio_file"]["content_type"] == "audio/mpeg"
    assert data["podcast"]["show_notes"] == "<p>Catatan</p>"
    assert data["dokumen"]["document"]["title"] == "LKIP"
    assert {d["type"] for d in data.values()} == set(pages)


def test_unknown_ids_and_slugs_are_404_in_the_error_shape(client, opds):
    for url in (
        "/api/v1/content/999999/",
        "/api/v1/content/99999999999999999999999/",
        "/api/v1/opd/tidak-ada/",
        "/api/v1/opd/dinkes/content/tidak-ada/",
        "/api/v1/opd/tidak-ada/content/x/",
        "/api/v1/series/tidak-ada/",
        "/api/v1/tags/tidak-ada/",
        "/api/v1/opd/ñame/dip/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"


def test_image_endpoint_serves_only_images_public_pages_use(client, opds):
    opd = opds["dinkes"]
    opd.refresh_from_db()
    used = ImageFactory(title="Dipakai")
    add_item(opd, "Publik", hero_image=used)
    in_draft = ImageFactory(title="Untuk draf")
    add_item(opd, "Draf", hero_image=in_draft, live=False)
    secret = ImageFactory(title="Rahasia", collection=opd.exempt_collection)
    add_item(opd, "Publik 2", hero_image=secret)
    unused = ImageFactory(title="Tak dipakai")

    body = client.get(f"/api/v1/images/{used.pk}/").json()
    assert body["title"] == "Dipakai" and body["renditions"]["320"].startswith("http")
    for image in (in_draft, secret, unused):
        assert client.get(f"/api/v1/images/{image.pk}/").status_code == 404


def test_content_detail_data_serializes_an_unsaved_draft(rf, opds):
    from api.v1.serializers.content import content_detail_data

    page = add_item(opds["dinkes"], "Terbit", model=ArticlePage, tags=["lama"])
    page.title = "Judul draf"
    page.author_name = "Penulis baru"
    page.tags.add("baru")
    revision = page.save_revision()
    draft = revision.as_object()
    data = content_detail_data(draft, rf.get("/"))
    assert data["title"] == "Judul draf" and data["author"] == "Penulis baru"
    assert [tag["slug"] for tag in data["tags"]] == ["baru", "lama"]
    assert data["type"] == "artikel"
