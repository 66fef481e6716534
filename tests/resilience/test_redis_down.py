"""Issue 11, item 1: with Redis down or hung, every public page and API read still
answers (uncached), the admin works and publishing works; a cache error is never
a 500. The shared Redis is never touched: the cache points at a port of the
test's own (nothing there, a redis-server it stops, or a server that never
answers)."""

import pytest
from django.conf import settings
from django.core.cache import cache

from cms.core import failsafe_cache
from cms.core.cache_client import redis_client
from tests.factories import add_dip_entry, add_item

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/dinkes/",
    "/api/v1/content/",
    "/api/v1/dip/",
    "/api/v1/opd/",
    "/feed/rss.xml",
    "/sitemap.xml",
    "/opd/",
]


@pytest.fixture
def content(opds):
    item = add_item(opds["dinkes"], "Posyandu cegah stunting", slug="posyandu")
    add_dip_entry(opds["dinkes"], "Laporan keuangan tahunan")
    return item


def assert_site_answers(client, item):
    for url in [*PUBLIC_URLS, item.url]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    page = client.get(item.url).content.decode()
    assert "Posyandu cegah stunting" in page
    titles = [row["title"] for row in client.get("/api/v1/content/").json()["results"]]
    assert "Posyandu cegah stunting" in titles


def test_public_site_answers_with_nothing_listening(
    client, content, use_cache, dead_redis_url
):
    use_cache(dead_redis_url)
    assert_site_answers(client, content)


def test_admin_login_and_pages_work_with_redis_down(
    client, content, use_cache, dead_redis_url, admin_user
):
    use_cache(dead_redis_url)
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    response = client.post(
        "/admin/login/", {"username": admin_user.username, "password": "password"}
    )
    assert response.status_code == 302 and response.wsgi_request.user.is_authenticated
    for url in ("/admin/", "/admin/pages/", f"/admin/pages/{content.pk}/edit/"):
        # 302 allowed: the admin may ask for a second factor first.
        assert client.get(url).status_code in (200, 302), url


def test_publishing_works_with_redis_down(
    client, content, use_cache, dead_redis_url, django_capture_on_commit_callbacks
):
    use_cache(dead_redis_url)
    client.get(content.url)
    with django_capture_on_commit_callbacks(execute=True):
        content.title = "Posyandu tanpa Redis"
        content.save_revision().publish()
    assert "Posyandu tanpa Redis" in client.get(content.url).content.decode()
    rows = client.get("/api/v1/content/").json()["results"]
    assert "Posyandu tanpa Redis" in [row["title"] for row in rows]


def test_redis_stopping_and_coming_back(
    client, content, use_cache, own_redis, monkeypatch
):
    use_cache(own_redis.url)
    assert_site_answers(client, content)
    assert own_redis.client().dbsize() > 0  # it was really used
    cache.set("probe", "ada")

    monkeypatch.setattr(failsafe_cache, "RETRY_SECONDS", 0)  # retry at every call
    own_redis.stop()
    assert_site_answers(client, content)
    assert cache.get("probe") is None  # a miss, not an error
    assert cache.set("probe", 1) is None and cache.add("probe", 1) is False

    own_redis.start()  # same port, empty
    cache.set("probe", "kembali")
    assert cache.get("probe") == "kembali"  # caching resumes, no restart


def test_hung_redis_costs_one_timeout_then_is_left_alone(
    client, content, use_cache, silent_redis, monkeypatch
):
    """A Redis that accepts connections and never answers: the socket timeout ends
    the first call, the circuit breaker spares the next ones."""
    monkeypatch.setattr(failsafe_cache, "RETRY_SECONDS", 600)
    use_cache(silent_redis.url)
    assert_site_answers(client, content)
    assert 1 <= len(silent_redis.accepted) <= 2  # not one per cache call
    with pytest.raises(failsafe_cache.redis.ConnectionError, match="unreachable"):
        redis_client().ping()  # the direct client shares the breaker
