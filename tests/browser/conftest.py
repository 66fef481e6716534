"""Browser tests: Chromium (Debian's, driven by Playwright) against a live server
over realistic content indexed in the real Elasticsearch.

Building that content publishes some twenty pages through the real pipeline (about
ten seconds), so it is built ONCE for this package and committed, with one live
server and one browser; every test gets a fresh browser context. The tests only
read. When the package is done, the database is put back as the migrations left
it (flushed, then reloaded from a snapshot, as Django's ``serialized_rollback``
does) and the test indexes are dropped, so later tests see none of it.

Tests here are marked ``django_db`` (plain): they may read the ORM, anything they
write is rolled back, and they run in the database group like the rest of the suite.
"""

import os
import shutil
from pathlib import Path

import pytest

from search.client import _client, get_client
from search.documents import alias_name

from .data import build_portal

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}
TIMEOUT_MS = 10_000


def chromium_path() -> str:
    """Debian's Chromium (package ``chromium``); Playwright's own download is not
    used. A missing browser fails the run (never a skip): ``.ci/run`` installs it."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
    if not path or not os.access(path, os.X_OK):
        pytest.fail(
            "Chromium is missing: install the Debian package `chromium` "
            "(`apt-get install chromium`; .ci/run does it in CI) or set CHROMIUM_PATH.",
            pytrace=False,
        )
    return path


# --- data and server, once for the package --------------------------------------------


def _drop_test_indexes():
    client = get_client()
    names = list(client.indices.get(index=f"{alias_name()}*", expand_wildcards="all"))
    if names:  # by name: wildcard deletes are refused by default
        client.indices.delete(index=",".join(names))


def _clear_own_cache_keys():
    """Forget cached values that name our pages (site root paths, cached pages).
    Only this run's key prefix: the Redis database is shared with other runs."""
    from django.conf import settings
    from django.core.cache import cache

    prefix = settings.CACHES["default"].get("KEY_PREFIX")
    get_redis = getattr(getattr(cache, "_cache", None), "get_client", None)
    if not prefix or get_redis is None:
        cache.clear()  # local memory: ours alone
        return
    redis = get_redis(write=True)
    keys = list(redis.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        redis.delete(*keys)


def _fresh_search_and_cache():
    _client.cache_clear()
    _drop_test_indexes()
    _clear_own_cache_keys()


def _restore_database(snapshot: str) -> None:
    """Back to the state of the snapshot: what TransactionTestCase does after a
    test with ``serialized_rollback``."""
    from django.core.management import call_command
    from django.db import connection

    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,  # the snapshot's rows keep their ids: no clashes
        inhibit_post_migrate=True,
    )
    connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="package")
def portal(django_db_setup, django_db_blocker):
    """``data.PortalData`` of the published portal, committed and searchable, with
    ``.server``: the live server answering for it."""
    from django.db import connection
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot is None:  # the suite asked for none: take it before writing
            snapshot = connection.creation.serialize_db_to_string()
        _fresh_search_and_cache()
        server = None
        try:
            data = build_portal()
            get_client().indices.refresh(index=alias_name())
            server = LiveServer("localhost")
            server._live_server_modified_settings.enable()
            # Absolute links (the secret reply link, canonical URLs) name the
            # public origin: here, the live server the browser talks to.
            public_origin = override_settings(PORTAL_BASE_URL=server.url)
            public_origin.enable()
            data.server = server
            yield data
        finally:
            if server is not None:
                public_origin.disable()
                server._live_server_modified_settings.disable()
                server.stop()
            _restore_database(snapshot)
            _fresh_search_and_cache()


# --- the browser ----------------------------------------------------------------------


def _keep_database_connections(originals: dict) -> None:
    """Give the test code Django's own connection objects while Playwright runs.

    Between its calls Playwright's sync API marks its event loop as running in this
    thread; Django then looks connections up per async context instead of per
    thread, finds none and opens new ones, outside the test's transaction. Hand
    it the originals instead.
    """
    from django.db import connections

    for alias, connection in originals.items():
        connections[alias] = connection


@pytest.fixture(scope="package")
def browser(portal):
    """One Chromium for the package, started after the data is built."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    # With Playwright's loop marked running, Django's ORM refuses to run unless told
    # it is safe (it is: nothing here is async). Only while the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    originals = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable)
            _keep_database_connections(originals)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser, portal):
    """``open_page(viewport=DESKTOP, **context_options)``: a page in a fresh context
    whose relative URLs go to the live server. Uncaught JavaScript errors fail
    the test."""
    contexts, errors = [], []

    def open_(viewport=DESKTOP, **options):
        context = browser.new_context(
            base_url=portal.server.url,
            viewport=viewport,
            locale="id-ID",
            timezone_id="Asia/Jakarta",
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors:\n" + "\n".join(errors)


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
