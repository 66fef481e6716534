"""The page cache: anonymous readers get stored pages until the next publish."""

import pytest

from portal.cache import CACHE_HEADER
from tests.factories import UserFactory, add_item

from .helpers import html_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    """On for these tests (test settings turn it off), starting a generation of
    our own so no page cached by an earlier test is served. Test transactions
    never commit, so the generation's after-commit bump runs at once instead."""
    from cms.core import content_generation as generation
    from portal.cache import current_generation

    settings.PORTAL_PAGE_CACHE_TTL = 60
    monkeypatch.setattr("cms.core.changes.bus.after_commit", lambda func: func())
    generation.bump_content_generation()
    assert current_generation() is not None


def test_publish_changes_the_next_response(client, opds):
    add_item(opds["dinkes"], "Lama")
    first = client.get("/")
    assert first[CACHE_HEADER] == "miss"
    again = client.get("/")
    assert again[CACHE_HEADER] == "hit" and again.content == first.content
    assert client.get("/opd/")[CACHE_HEADER] == "miss"

    add_item(opds["bpbd"], "Baru")
    after = client.get("/")
    assert after[CACHE_HEADER] == "miss"
    assert "Baru" in html_of(after)


def test_languages_are_cached_apart(client, opds):
    client.get("/opd/")
    client.cookies["django_language"] = "en"
    english = client.get("/opd/")
    assert english[CACHE_HEADER] == "miss"
    assert 'lang="en"' in html_of(english)


def test_logged_in_readers_and_posts_bypass_the_cache(client, opds):
    client.get("/opd/")
    assert client.get("/opd/")[CACHE_HEADER] == "hit"
    client.force_login(
        UserFactory(opd=opds["dinkes"], role="editor", username="editor")
    )
    assert CACHE_HEADER not in client.get("/opd/")
    client.logout()
    client.cookies.pop("sessionid", None)
    assert client.post("/opd/").get(CACHE_HEADER) is None


def test_errors_and_pages_without_opt_in_are_not_stored(client, opds):
    assert client.get("/tidak-ada/").status_code == 404
    assert CACHE_HEADER not in client.get("/tidak-ada/")
    assert CACHE_HEADER not in client.get("/feed/rss.xml")


def test_the_province_home_is_read_once_per_generation(client, home, opds):
    """The chrome's province home (its introduction is the description of pages
    without their own) is kept per process for one content generation: not read
    again on every page, and a new introduction shows on the next page after its
    publish."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def home_queries(path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        table = '"opd_provincehomepage"'
        return html_of(response), [q for q in captured if table in q["sql"]]

    client.get("/cari/?q=posyandu")  # the search page is never stored
    _html, read = home_queries("/cari/?q=gizi")
    assert read == []
    home.intro = "Portal informasi publik Banten yang baru"
    home.save_revision().publish()
    html, read = home_queries("/cari/?q=stunting")
    assert len(read) == 1
    assert "Portal informasi publik Banten yang baru" in html


@pytest.mark.parametrize("kept_seconds, generation_reads", [(3600, 0), (0, 1)])
def test_the_search_page_reads_the_generation_at_most_once_a_second_and_no_page(
    client, opds, settings, kept_seconds, generation_reads
):
    """One page per query, never stored: no look-up for it (a Redis round trip of
    ~0.4 ms CPU for nothing), and the generation as this process read it within
    ``RECENT_GENERATION_SECONDS``; a page that opts in is still served stored,
    under the generation read now."""
    settings.RECENT_GENERATION_SECONDS = kept_seconds
    from cms.core.cache_client import redis_client

    redis = redis_client()

    def calls(command):
        stats = redis.info("commandstats")
        return stats.get(f"cmdstat_{command}", {}).get("calls", 0)

    def commands(path):
        before = calls("get"), calls("mget")
        response = client.get(path)
        return response, (calls("get") - before[0], calls("mget") - before[1])

    client.get("/cari/?q=gizi")
    response, (gets, mgets) = commands("/cari/?q=posyandu")
    assert response.status_code == 200 and CACHE_HEADER not in response
    assert (gets, mgets) == (0, generation_reads)
    client.get("/")
    response, (gets, mgets) = commands("/")
    assert response[CACHE_HEADER] == "hit" and (gets, mgets) == (1, 1)
