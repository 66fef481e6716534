"""Signing the browser in to the live server's admin: a session made with Django's
test client, handed to the browser as its cookie (no login form to fill)."""

from contextlib import contextmanager


def session_cookie(user, server_url: str) -> dict:
    """A Playwright cookie that signs ``user`` in on the live server. The session
    is written to the database: call it where writes are committed (inside
    ``django_db_blocker.unblock()``)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": server_url}


@contextmanager
def signed_in_user(portal, django_db_blocker, **user_fields):
    """``with signed_in_user(portal, django_db_blocker, role=...) as cookie``: a user
    of ``UserFactory(**user_fields)`` committed outside the test's transaction, and
    their cookie; removed afterwards (the package's database is put back anyway)."""
    from tests.factories import UserFactory

    with django_db_blocker.unblock():
        user = UserFactory(**user_fields)
        cookie = session_cookie(user, portal.server.url)
    yield cookie
    with django_db_blocker.unblock():
        user.delete()
