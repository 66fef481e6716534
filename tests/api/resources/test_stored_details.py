"""Stored details (api/v1/stored_details.py): a detail read twice is the same JSON,
the second time from its stored rendering in one query; whatever the rendering
copied from elsewhere shows its change on the next read."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, PageViewRestriction
from wagtail.rich_text import RichText

from api.models import StoredDetail
from cms.content.models import InfographicPage, NewsPage, PublicationPage
from cms.core.content_generation import bump_content_generation
from tests.cms.core.scenario import SHARED_TITLE, shared_document
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    add_item,
    add_series,
    publish,
)

pytestmark = pytest.mark.django_db


def detail(client, page) -> dict:
    bump_content_generation()  # the response cache must not answer
    response = client.get(f"/api/v1/content/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def queries(client, page) -> int:
    bump_content_generation()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/content/{page.pk}/")
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.fixture
def rich(opds):
    """An item with everything a detail shows: image, tags, series, links, body."""
    opd = opds["dinkes"]
    series = add_series(opd, "Seri Sehat")
    target = add_item(opds["bpbd"], "Posko Banjir")
    image = ImageFactory(title="Foto posko", width=1400)
    page = add_item(
        opd,
        "Vaksinasi Massal",
        summary="Ringkasan",
        hero_image=image,
        hero_alt="Warga antre vaksin",
        series=series,
        series_order=1,
        tags=["kesehatan", "vaksin"],
        body=[
            (
                "paragraph",
                RichText(
                    f'<p>Lihat <a linktype="page" id="{target.pk}">posko</a>.</p>'
                ),
            )
        ],
    )
    page.related_links.create(target=target)
    publish(page)
    return page, series, target, image


def test_second_read_is_the_same_json_in_one_query(client, opds, rich):
    page = rich[0]
    infographic = add_item(
        opds["dinkes"],
        "Infografis Gizi",
        model=InfographicPage,
        images=[("image", {"image": ImageFactory(), "alt_text": "Piring gizi"})],
        text_alternative="<p>Separuh piring sayur.</p>",
    )
    publication = add_item(
        opds["dinkes"],
        "Renstra",
        model=PublicationPage,
        document=DocumentFactory(collection=opds["dinkes"].collection),
    )
    for item in (page, infographic, publication):
        first = detail(client, item)
        assert StoredDetail.objects.filter(page_id=item.pk).exists()
        assert detail(client, item) == first
    assert first["document"]["title"]
    assert queries(client, infographic) == 1
    # With a series and related links: which series are public (read once per
    # content generation, and each call here starts one) and which linked pages.
    assert queries(client, page) == 3
    body = detail(client, page)
    assert body["series"]["title"] == "Seri Sehat"
    assert [link["title"] for link in body["related_links"]] == ["Posko Banjir"]
    assert body["tags"] == [
        {"slug": "kesehatan", "name": "kesehatan"},
        {"slug": "vaksin", "name": "vaksin"},
    ]


def test_a_new_revision_shows_at_once(client, rich):
    page = rich[0]
    detail(client, page)
    page.title = "Vaksinasi Massal Tahap 2"
    publish(page)
    assert detail(client, page)["title"] == "Vaksinasi Massal Tahap 2"


def test_what_the_rendering_copies_shows_its_change(client, opds, rich):
    page, series, target, image = rich
    detail(client, page)

    opd = opds["dinkes"]
    opd.title = "Dinas Kesehatan Provinsi Banten"
    publish(opd)
    assert detail(client, page)["opd"]["name"] == "Dinas Kesehatan Provinsi Banten"

    series.title = "Seri Hidup Sehat"
    publish(series)
    assert detail(client, page)["series"]["title"] == "Seri Hidup Sehat"
    series.unpublish()
    assert detail(client, page)["series"] is None

    image.title = "Foto posko kesehatan"
    image.save()
    assert detail(client, page)["hero_image"]["title"] == "Foto posko kesehatan"
    image.collection = opd.exempt_collection
    image.save()
    assert detail(client, page)["hero_image"] is None


def test_links_and_urls_follow_moves_and_unpublishing(
    client, opds, rich, django_capture_on_commit_callbacks
):
    page, _series, target, _image = rich
    detail(client, page)

    # Wagtail announces a slug change after the commit: run it.
    with django_capture_on_commit_callbacks(execute=True):
        target.slug = "posko-banjir-pandeglang"
        publish(target)  # the link in the body moves
    body = detail(client, page)
    assert "posko-banjir-pandeglang" in body["body"][0]["value"]
    assert body["related_links"][0]["url"].endswith("/posko-banjir-pandeglang/")

    opd = opds["dinkes"]
    with django_capture_on_commit_callbacks(execute=True):
        opd.slug = "dinkes-banten"
        publish(opd)  # the item's own URL is under its OPD's
    assert "/dinkes-banten/" in detail(client, page)["url"]

    target.unpublish()
    assert detail(client, page)["related_links"] == []


def test_a_private_or_unpublished_item_is_gone(client, opds, rich):
    page = rich[0]
    detail(client, page)
    PageViewRestriction.objects.create(page=opds["dinkes"], restriction_type="login")
    bump_content_generation()
    assert client.get(f"/api/v1/content/{page.pk}/").status_code == 404
    PageViewRestriction.objects.all().delete()
    assert detail(client, page)["title"] == "Vaksinasi Massal"
    page.unpublish()
    bump_content_generation()
    assert client.get(f"/api/v1/content/{page.pk}/").status_code == 404


def test_a_document_exempted_later_disappears(client, opds):
    case = shared_document(opds["dinkes"])  # the entry is exempted at the start
    entry = case.exempted
    entry.kategori = "berkala"
    entry.dasar_hukum = ""
    publish(entry)
    page = add_item(
        opds["dinkes"], "Publikasi", model=PublicationPage, document=case.shared
    )
    assert detail(client, page)["document"]["title"] == SHARED_TITLE
    entry.kategori = "dikecualikan"
    entry.dasar_hukum = "Pasal 17 huruf h UU 14/2008"
    publish(entry)
    body = detail(client, page)
    assert body["document"] is None
    assert SHARED_TITLE not in json.dumps(body)


def test_collection_privacy_drops_every_stored_rendering(client, opds, rich):
    page = rich[0]
    detail(client, page)
    from wagtail.models import CollectionViewRestriction

    collection = Collection.objects.get(pk=page.hero_image.collection_id)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="login"
    )
    assert not StoredDetail.objects.exists()
    assert detail(client, page)["hero_image"] is None


def test_a_rendering_made_while_content_changed_is_not_kept(client, opds, monkeypatch):
    page = add_item(opds["dinkes"], "Berita", model=NewsPage)
    from api.v1 import stored_details

    real = stored_details.render

    def render_during_a_commit(item):
        rendered = real(item)
        bump_content_generation()  # another editor's commit meanwhile
        return rendered

    monkeypatch.setattr(stored_details, "render", render_during_a_commit)
    StoredDetail.objects.all().delete()
    assert detail(client, page)["title"] == "Berita"
    assert not StoredDetail.objects.filter(page_id=page.pk).exists()


def test_a_published_item_is_rendered_before_anyone_reads_it(client, opds):
    page = add_item(opds["dinkes"], "Berita Baru", model=NewsPage)
    stored = StoredDetail.objects.get(page_id=page.pk)
    assert stored.revision_id == page.live_revision_id
    assert stored.data["title"] == "Berita Baru"
    assert queries(client, page) == 1


def test_a_large_import_is_rendered_on_first_read(monkeypatch):
    from api import tasks
    from cms.core.changes import Change, ContentChange

    many = [
        ContentChange(Change.PUBLISHED, page_id=n, model=NewsPage)
        for n in range(tasks.EAGER_RENDER_LIMIT + 1)
    ]
    queued = []
    monkeypatch.setattr(tasks, "enqueue_store_details", queued.append)
    tasks.on_committed(many)
    tasks.on_committed(many[:3])
    assert queued == [[0, 1, 2]]


def test_both_detail_addresses_use_the_compiled_query(client, opds):
    from api.v1 import stored_details

    page = add_item(opds["dinkes"], "Berita Kompilasi", model=NewsPage)
    by_id = detail(client, page)
    by_slug = client.get(f"/api/v1/opd/dinkes/content/{page.slug}/")
    assert by_slug.status_code == 200
    assert by_slug.json() == by_id
    assert client.get(f"/api/v1/opd/bpbd/content/{page.slug}/").status_code == 404
    shapes = {shape[1:]: query for shape, query in stored_details._compiled.items()}
    assert shapes[("pk",)] is not None
    assert shapes[("opd__in", "opd__slug", "slug")] is not None
