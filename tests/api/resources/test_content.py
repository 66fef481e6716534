import pytest

from cms.content.models import ArticlePage

from .helpers import add_item

pytestmark = pytest.mark.django_db


def test_content_list_and_detail(client, opds):
    item = add_item(opds["dinkes"], "Vaksinasi", model=ArticlePage, author_name="A")
    add_item(opds["dinkes"], "Draf", live=False)
    response = client.get("/api/v1/content/")
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    assert [row["title"] for row in rows] == ["Vaksinasi"]
    detail = client.get(f"/api/v1/content/{item.pk}/").json()
    assert detail["author"] == "A"
    assert detail["type"] == "artikel"
