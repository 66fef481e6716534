"""Per-process copies of public lookups (api/v1/public_lookups.py): the public OPDs,
the public series and the site root paths are read once per content generation;
a change, committed here or bumped by another process, is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from cms.core.content_generation import bump_content_generation
from tests.factories import add_item, add_series

pytestmark = pytest.mark.django_db


def get(client, query):
    """A list of ``query`` (each call a new URL: the response cache cannot answer)
    and the SQL queries it cost."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v1/content/" + query)
    return response, len(captured)


@pytest.fixture
def series(opds):
    series = add_series(opds["bpbd"], "Siaga", slug="siaga")
    add_item(opds["bpbd"], "Dalam seri", series=series)
    add_item(opds["dinkes"], "Sehat")
    return series


def test_lookups_are_read_once_per_generation(client, series):
    get(client, "?opd=dinkes")  # whatever else a first request warms up
    bump_content_generation()
    response, cold = get(client, "?opd=bpbd")
    assert response.json()["results"][0]["series"]["slug"] == "siaga"
    again, warm = get(client, "?opd=bpbd&page_size=5")
    assert again.json()["results"] == response.json()["results"]
    assert warm == cold - 2  # the OPDs and the public series
    bump_content_generation()  # another process committed a change
    assert get(client, "?opd=bpbd&page_size=6")[1] == cold


def test_an_opd_hidden_by_another_process_is_unknown_after_its_bump(client, opds):
    assert get(client, "?opd=dinkes")[0].status_code == 200
    # Written as another process would: no change event reaches this one.
    Page.objects.filter(pk=opds["dinkes"].pk).update(live=False)
    bump_content_generation()
    response, _queries = get(client, "?opd=dinkes&page_size=3")
    assert response.status_code == 400
    assert "dinkes" in response.content.decode()


def test_a_series_unpublished_here_leaves_its_items_at_once(client, series):
    assert get(client, "?opd=bpbd")[0].json()["results"][0]["series"] is not None
    series.unpublish()
    response, _queries = get(client, "?opd=bpbd&page_size=4")
    assert response.json()["results"][0]["series"] is None


def test_page_urls_follow_a_site_change(client, series, opds):
    item = get(client, "?opd=dinkes")[0].json()["results"][0]
    assert item["url"].endswith(f"/dinkes/{item['slug']}/")
    site = Site.objects.get(is_default_site=True)
    site.root_page = opds["dinkes"]
    site.save()
    after = get(client, "?opd=dinkes&page_size=7")[0].json()["results"][0]["url"]
    assert after.endswith(f"/{item['slug']}/")
    assert "/dinkes/" not in after
