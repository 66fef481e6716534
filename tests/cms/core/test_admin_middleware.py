"""The admin's middleware (sessions, users, second factor, messages, redirects)
runs everywhere but the public API."""

import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_in_editor_gets_the_public_api_untouched(opds):
    editor = UserFactory(opd=opds["diskominfo"], role="editor")
    client = Client()
    client.force_login(editor)
    url = "/api/v1/search/?q=banten"  # never stored: the whole stack answers
    anonymous = Client().get(url)
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == anonymous.content
    assert "Cookie" not in response.get("Vary", "")  # shareable by caches
    assert not response.cookies  # no session refreshed, no CSRF cookie
    # The same browser is still signed in to the admin.
    assert client.get("/admin/").status_code == 200
    assert Client().get("/admin/").status_code == 302  # others are sent to log in


def test_the_admin_pages_still_get_their_messages_and_csrf(opds, client):
    editor = UserFactory(opd=opds["diskominfo"], role="editor")
    client.force_login(editor)
    page = client.get("/admin/")
    assert "csrfmiddlewaretoken" in page.content.decode() or page.cookies.get(
        "csrftoken"
    )
    assert page.wsgi_request.user == editor
    assert hasattr(page.wsgi_request, "_messages")


def test_the_frameworks_checks_still_find_their_middleware():
    call_command("check", fail_level="WARNING")
