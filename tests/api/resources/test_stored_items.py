"""List items from stored renderings (api/v1/stored_items.py): the same JSON as
built from the rows, one query once stored, and every change shown at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.models import StoredDetail
from cms.content.models import NewsPage
from cms.core.content_generation import bump_content_generation
from tests.factories import ImageFactory, add_item, add_series, publish

pytestmark = pytest.mark.django_db

LIST = "/api/v1/content/?opd=dinkes&page_size=50"


def listed(client, url=LIST) -> list[dict]:
    bump_content_generation()  # the response cache must not answer
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def queries(client, url=LIST) -> int:
    bump_content_generation()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def items(opds):
    opd = opds["dinkes"]
    series = add_series(opd, "Seri Gizi")
    made = [
        add_item(
            opd,
            f"Berita {n}",
            model=NewsPage,
            hero_image=ImageFactory(title=f"Foto {n}", width=900) if n % 2 else None,
            tags=["gizi", f"topik-{n}"],
            series=series if n % 3 == 0 else None,
            series_order=n,
        )
        for n in range(6)
    ]
    return made, series


def test_stored_items_are_what_the_rows_give(client, items):
    StoredDetail.objects.all().delete()
    built = listed(client)  # from the rows, then stored
    assert StoredDetail.objects.filter(summary__isnull=False).count() == 6
    assert listed(client) == built
    subset = listed(client, LIST + "&fields=id,title,series")
    assert subset == [
        {"id": i["id"], "title": i["title"], "series": i["series"]} for i in built
    ]
    # Stored: one query for the page's rows with their items, plus the public OPDs
    # (``?opd=``) and series, read once per content generation (each call here
    # starts one).
    assert queries(client) == 3


def test_changes_show_in_the_list_at_once(client, opds, items):
    made, series = items
    listed(client)
    page = made[1]
    page.title = "Berita Satu Diperbarui"
    publish(page)
    opd = opds["dinkes"]
    opd.title = "Dinas Kesehatan Banten"
    publish(opd)
    image = made[3].hero_image
    image.title = "Foto baru"
    image.save()
    series.unpublish()
    by_id = {item["id"]: item for item in listed(client)}
    assert by_id[page.pk]["title"] == "Berita Satu Diperbarui"
    assert {item["opd"]["name"] for item in by_id.values()} == {
        "Dinas Kesehatan Banten"
    }
    assert by_id[made[3].pk]["hero_image"]["title"] == "Foto baru"
    assert all(item["series"] is None for item in by_id.values())
    page.unpublish()
    assert page.pk not in {item["id"] for item in listed(client)}
