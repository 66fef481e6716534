import pytest

from cms.content.models import NewsPage
from tests.factories import add_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(opds):
    published = add_item(
        opds["dinkes"], "Posyandu cegah stunting", slug="posyandu", summary="Ringkas"
    )
    draft = add_item(opds["dinkes"], "Rancangan rahasia", slug="rancangan", live=False)
    return published, draft


def test_home_lists_published_items_and_opds_not_drafts(client, items):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Posyandu cegah stunting" in html
    assert "Rancangan rahasia" not in html
    assert "DINKES" in html  # the item card names its OPD
    assert 'href="/opd/"' in html
    assert 'lang="id"' in html and 'href="#konten"' in html


def test_item_page_shows_its_opd_and_draft_is_not_found(client, items):
    published, draft = items
    response = client.get(published.url)
    assert response.status_code == 200
    assert "Dinas Kesehatan" in response.content.decode()
    assert client.get("/dinkes/rancangan/").status_code == 404


def test_item_knows_its_opd_from_the_tree(items, opds):
    published, _ = items
    assert NewsPage.objects.get(pk=published.pk).opd_id == opds["dinkes"].pk


def test_health_endpoint(client):
    assert client.get("/healthz").json() == {"status": "ok"}
