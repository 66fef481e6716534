"""A list costs the same number of SQL queries whatever the page size (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.content.models import ArticlePage, NewsPage, VideoPage
from cms.series.models import SeriesPage
from tests.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    """Queries of rendering ``url`` (a new content generation first, so the
    server-side response cache cannot answer)."""
    from cms.core.content_generation import bump_content_generation

    bump_content_generation()
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
                hero_image=ImageFactory(title=f"Foto {n}", width=700)
                if n % 2
                else None,
                series=series if n % 4 == 3 else None,
            )
        )
        page.tags.add(f"topik-{n % 5}", "umum")
        page.save()


def test_list_queries_do_not_grow_with_the_page(client, many_items):
    for path in ("/api/v1/content/", "/api/v1/series/"):
        queries_for(client, path + "?page_size=50")  # renditions made once, reused
        small = queries_for(client, path + "?page_size=2")
        large = queries_for(client, path + "?page_size=50")
        assert small == large, path
        assert large <= 12, path


def test_unpaginated_lists_cost_a_fixed_number_of_queries(client, many_items):
    # Series detail (all its items), topics and OPDs: counted against a fixed bound.
    for path, bound in (
        ("/api/v1/series/seri/", 12),
        ("/api/v1/tags/", 6),
        ("/api/v1/opd/", 6),
    ):
        queries_for(client, path)
        assert queries_for(client, path) <= bound, path


def add_dip_entries(opd, count, start):
    from cms.dip.models import DIPDocument, DIPEntryPage, DIPIndexPage

    index = DIPIndexPage.objects.child_of(opd).get()
    for n in range(start, start + count):
        kategori = "dikecualikan" if n % 3 == 0 else "berkala"
        entry = index.add_child(
            instance=DIPEntryPage(
                title=f"Entri {n}",
                slug=f"entri-{n}",
                kategori=kategori,
                tahun=2024,
                dasar_hukum="Pasal 17",
            )
        )
        DIPDocument.objects.create(entry=entry, document=DocumentFactory(title=f"D{n}"))


def test_dip_queries_do_not_grow_with_the_entries(client, opds):
    add_dip_entries(opds["dinkes"], 3, 0)
    queries_for(client, "/api/v1/dip/")  # warm: the site's root paths get cached
    few = queries_for(client, "/api/v1/dip/")
    add_dip_entries(opds["bpbd"], 9, 3)
    assert queries_for(client, "/api/v1/dip/") == few
    assert queries_for(client, "/api/v1/opd/bpbd/dip/") <= few + 1
