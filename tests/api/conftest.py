"""Fixtures shared by the API suites.

Tests of one run share one Redis: each API test starts without the API's cached
state (rendered responses, the content generation, rate-limit counts, key records).

pytest-django runs each test in a transaction that never commits, so on-commit hooks
never fire. The API's cache upkeep (the change events' after-commit stage, which
bumps the content generation, and the API key records) then runs at once, as it does
in autocommit, so a test can change content and read the API again.
``tests/api/access`` tests the commit behaviour itself and overrides
``api_cache_upkeep_at_once`` to commit explicitly.
"""

import pytest


def delete_api_cache_state():
    from django.core.cache import cache

    from cms.core.cache_client import redis_client

    client = redis_client()
    if client is None:
        cache.clear()
        return
    names = list(client.scan_iter(match=cache.make_key("api:*"), count=1000))
    if names:
        client.delete(*names)


@pytest.fixture(autouse=True)
def api_cache_state():
    delete_api_cache_state()
    yield


@pytest.fixture(autouse=True)
def api_cache_upkeep_at_once(monkeypatch):
    at_once = lambda func: func()  # noqa: E731
    monkeypatch.setattr("cms.core.changes.bus.after_commit", at_once)
    monkeypatch.setattr("api.keys.services.after_commit", at_once)
