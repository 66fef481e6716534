"""The lean paths of /content/: list items built without DRF's fields, details read
in a fixed number of queries, JSON encoded by orjson. Same output as before."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.v1.renderers import FastJSONRenderer
from api.v1.serializers.content import ContentListItemSerializer
from api.v1.serializers.content_list import list_items
from cms.content.models import ArticlePage, ContentPage, NewsPage
from cms.core.content_generation import bump_content_generation
from tests.factories import ImageFactory, add_item, add_series

pytestmark = pytest.mark.django_db
# Presigned media URLs carry the second they were signed in.
SIGNED = re.compile(r"\?[^\s\"]*Signature[^\s\"]*")


def unsigned(data) -> str:
    return SIGNED.sub("?signed", FastJSONRenderer().render(data).decode())


@pytest.fixture
def items(opds):
    public_series = add_series(opds["dinkes"], "Sehat", slug="sehat")
    draft_series = add_series(opds["bpbd"], "Draf", slug="draf", live=False)
    made = []
    for n in range(52):
        made.append(
            add_item(
                list(opds.values())[n % 3],
                f"Butir {n}",
                model=ArticlePage if n % 2 else NewsPage,
                summary=f"Ringkasan {n}\u2028baris",
                tags=[f"Topik {n % 4}", "Umum"] if n % 3 else [],
                hero_image=ImageFactory(width=700) if n % 5 == 0 else None,
                hero_alt="Keterangan" if n % 10 == 0 else "",
                series=(public_series, draft_series, None)[n % 3],
                series_order=n,
            )
        )
    return made


def test_list_items_equal_the_documented_serializer(items):
    request = Request(APIRequestFactory().get("/api/v1/content/"))
    pages = ContentPage.objects.filter(pk__in=[p.pk for p in items]).specific()
    pages = sorted(pages, key=lambda page: page.pk)
    for only in (None, ["id", "tags"], ["series", "hero_image", "url", "updated"]):
        documented = ContentListItemSerializer(
            pages, many=True, context={"request": request}, only=only
        ).data
        assert unsigned(list_items(pages, request, only)) == unsigned(documented)


def queries(client, url) -> int:
    bump_content_generation()  # the response cache must not answer
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


def test_list_queries_are_the_same_for_10_and_50_items(client, items):
    queries(client, "/api/v1/content/?page_size=50")  # renditions made once
    small = queries(client, "/api/v1/content/?page_size=10")
    large = queries(client, "/api/v1/content/?page_size=50")
    assert small == large
    assert len(client.get("/api/v1/content/?page_size=50").json()["results"]) == 50


def test_detail_queries_do_not_grow_with_topics_or_links(client, opds, items):
    plain = add_item(opds["dinkes"], "Polos")
    rich = add_item(
        opds["dinkes"], "Kaya", tags=[f"Topik {n}" for n in range(8)], summary="x"
    )
    for target in items[:6]:
        rich.related_links.create(target=target)
    rich.save_revision().publish()
    queries(client, f"/api/v1/content/{rich.pk}/")
    bare = queries(client, f"/api/v1/content/{plain.pk}/")
    full = queries(client, f"/api/v1/content/{rich.pk}/")
    assert full <= bare + 2  # the visibility rule over the related pages
    body = client.get(f"/api/v1/content/{rich.pk}/").json()
    assert len(body["tags"]) == 8 and len(body["related_links"]) == 6


def test_fast_renderer_writes_what_drf_writes():
    data = {
        "teks": "é\u2028\u2029<tag>",
        "angka": [1, 2.5, None, True],
        "lazy": gettext_lazy("Jenis konten."),
        3: "kunci bukan teks",
        "besar": 2**70,
    }
    assert FastJSONRenderer().render(data) == JSONRenderer().render(data)
    indented = FastJSONRenderer().render(
        data, "application/json; indent=2", {"indent": 2}
    )
    assert indented == JSONRenderer().render(data, "application/json; indent=2")
