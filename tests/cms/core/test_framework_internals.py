"""The request state of Django's middleware the portal page cache reads
(cms/core/framework_internals.py). A failure here means a Django upgrade changed
it: update the shim, or the page cache may store a page meant for one reader.
Also: Django's private names are read in their one place only."""

from pathlib import Path

from django.contrib import messages
from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory

from cms.core.framework_internals import csrf_token_used, messages_added


def through(request, *middleware_classes):
    for middleware_class in middleware_classes:
        middleware_class(lambda request: HttpResponse()).process_request(request)
    return request


def test_a_used_csrf_token_is_seen():
    for cookies in ({}, {"csrftoken": "a" * 32}):
        request = RequestFactory().get("/")
        request.COOKIES.update(cookies)
        through(request, CsrfViewMiddleware)
        assert not csrf_token_used(request)
        get_token(request)
        assert csrf_token_used(request), (
            "Django's CSRF middleware no longer marks a used token with "
            "request.META['CSRF_COOKIE_NEEDS_UPDATE']: update "
            "cms/core/framework_internals.py"
        )


def test_an_added_message_is_seen_even_once_displayed(db):
    request = through(RequestFactory().get("/"), SessionMiddleware, MessageMiddleware)
    assert not messages_added(request)
    messages.info(request, "Tersimpan")
    assert messages_added(request), (
        "Django's message storage no longer sets added_new when a message is "
        "added: update cms/core/framework_internals.py"
    )
    list(get_messages(request))  # the page displays it
    assert messages_added(request)


def test_without_the_message_middleware_nothing_was_added():
    assert not messages_added(RequestFactory().get("/"))


INDEX = "cms/core/framework_internals.py"  # names them all
# Private names of Django and where the project may read them (None: nowhere).
PRIVATE_NAMES = {
    "run_on_commit": "cms/core/commit.py",
    "CSRF_COOKIE_NEEDS_UPDATE": INDEX,
    "added_new": INDEX,
    "_queued_messages": None,
    "_loaded_messages": None,
    "._cache.": None,  # RedisCache's client: cms/core/cache_client.py builds its own
    "._servers": "cms/core/failsafe_cache.py",  # one Redis pool per process
    "._serializer": None,
}


def test_private_framework_names_are_read_in_one_place():
    root = Path(__file__).resolve().parents[3]
    misplaced = []
    for package in ("cms", "api", "portal", "search"):
        for path in (root / package).rglob("*.py"):
            relative = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            misplaced += [
                f"{relative}: {name}"
                for name, home in PRIVATE_NAMES.items()
                if name in text and relative not in (home, INDEX)
            ]
    assert not misplaced, (
        "Framework internals read outside their one place (see "
        f"cms/core/framework_internals.py): {misplaced}"
    )
