"""A list costs the same number of SQL queries whatever the page size (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.content.models import ArticlePage, NewsPage, VideoPage
from cms.series.models import SeriesPage

from .helpers import make_image

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.fixture
def many_items(opds):
    """Live items made directly (not through publishing: only the data matters)."""
    series = opds["bpbd"].add_child(instance=SeriesPage(title="Seri", slug="seri"))
    now = timezone.now()
    models = [NewsPage, ArticlePage, VideoPage]
    for n in range(12):
        opd = list(opds.values())[n % 3]
        page = opd.add_child(
            instance=models[n % 3](
                title=f"Butir {n}",
                slug=f"butir-{n}",
                live=True,
                first_published_at=now,
                last_published_at=now,
                hero_image=make_image(f"Foto {n}", width=700) if n % 2 else None,
                series=series if n % 4 == 3 else None,
            )
        )
        page.tags.add(f"topik-{n % 5}", "umum")
        page.save()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/content/", "/api/v1/series/seri/", "/api/v1/tags/", "/api/v1/opd/"],
)
def test_list_queries_do_not_grow_with_the_page(client, many_items, path):
    queries_for(client, path + "?page_size=50")  # renditions made once, then reused
    small = queries_for(client, path + "?page_size=2")
    large = queries_for(client, path + "?page_size=50")
    assert small == large, path
    assert large <= 12
