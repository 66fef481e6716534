"""OPD profiles, series and topics."""

import pytest
from wagtail.models import PageViewRestriction

from cms.core.public_urls import page_public_url
from cms.opd.models import OPDLeader
from cms.series.models import SeriesPage
from tests.factories import ImageFactory, add_item, publish

pytestmark = pytest.mark.django_db


def test_opd_detail(client, opds):
    opd = opds["bpbd"]
    opd.tupoksi = f'<p>Tugas <a linktype="page" id="{opd.pk}">kami</a></p>'
    opd.email, opd.ppid_name = "bpbd@bantenprov.go.id", "PPID BPBD"
    opd.logo = ImageFactory(title="Logo BPBD", width=400)
    opd.social_links = [
        {"type": "link", "value": {"network": "x", "url": "https://x.com/b"}}
    ]
    opd.save()
    OPDLeader.objects.create(page=opd, name="Budi", position="Kepala", sort_order=0)
    body = client.get("/api/v1/opd/bpbd/").json()
    assert body["name"] == "Badan Penanggulangan Bencana Daerah"
    assert body["tupoksi"] == f'<p>Tugas <a href="{page_public_url(opd)}">kami</a></p>'
    assert body["contact"]["email"] == "bpbd@bantenprov.go.id"
    assert body["ppid"] == {"name": "PPID BPBD", "email": "", "phone": ""}
    assert body["leaders"] == [{"name": "Budi", "position": "Kepala", "photo": None}]
    assert body["social_links"] == [{"network": "x", "url": "https://x.com/b"}]
    assert set(body["logo"]["renditions"]) == {"320"}
    assert body["content_url"].endswith("/api/v1/content/?opd=bpbd")
    assert body["dip_url"].endswith("/api/v1/opd/bpbd/dip/")
    listed = client.get("/api/v1/opd/").json()
    assert [row["slug"] for row in listed] == ["bpbd", "dinkes", "diskominfo"]
    assert listed[0]["api_url"] == "http://testserver/api/v1/opd/bpbd/"


def test_series_list_and_detail_show_public_items_in_order(client, opds):
    series = opds["dinkes"].add_child(
        instance=SeriesPage(
            title="Info Sehat", slug="info-sehat", description="<p>D</p>"
        )
    )
    publish(series)
    add_item(opds["bpbd"], "Kedua", series=series, series_order=2)
    add_item(opds["dinkes"], "Pertama", series=series, series_order=1)
    add_item(opds["dinkes"], "Draf", series=series, live=False)
    private = add_item(opds["dinkes"], "Privat", series=series)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft_series = opds["bpbd"].add_child(instance=SeriesPage(title="S", slug="s"))
    draft_series.unpublish()
    add_item(opds["bpbd"], "Dalam seri draf", series=draft_series)

    rows = client.get("/api/v1/series/").json()["results"]
    assert [(row["slug"], row["item_count"]) for row in rows] == [("info-sehat", 2)]
    assert rows[0]["opd"] == {"slug": "dinkes", "name": "Dinas Kesehatan"}
    detail = client.get("/api/v1/series/info-sehat/").json()
    assert [item["title"] for item in detail["items"]] == ["Pertama", "Kedua"]
    assert detail["description"] == "<p>D</p>"
    assert client.get("/api/v1/series/s/").status_code == 404
    # An item of a draft series does not name it.
    row = client.get("/api/v1/content/?opd=bpbd&fields=title,series").json()
    assert {"title": "Dalam seri draf", "series": None} in row["results"]


def test_tags_count_public_items_only(client, opds):
    add_item(opds["dinkes"], "A", tags=["Banjir", "Gempa"])
    add_item(opds["bpbd"], "B", tags=["Banjir"])
    add_item(opds["bpbd"], "Draf", tags=["Rahasia Draf"], live=False)
    private = add_item(opds["bpbd"], "P", tags=["Banjir", "Privat"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    rows = client.get("/api/v1/tags/").json()
    assert [(row["slug"], row["count"]) for row in rows] == [
        ("banjir", 2),
        ("gempa", 1),
    ]
    assert rows[0]["content_url"].endswith("/api/v1/content/?tag=banjir")
    by_opd = client.get("/api/v1/tags/?opd=bpbd").json()
    assert [(row["slug"], row["count"]) for row in by_opd] == [("banjir", 1)]
    assert client.get("/api/v1/tags/gempa/").json()["count"] == 1
    assert client.get("/api/v1/tags/rahasia-draf/").status_code == 404
    assert client.get("/api/v1/tags/privat/").status_code == 404
