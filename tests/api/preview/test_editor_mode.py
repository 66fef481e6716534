"""The editor's "Situs OPD" preview mode sends the browser to the OPD's preview page."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from cms.content.models import ArticlePage
from cms.content.preview import preview_token_read
from tests.cms.editorial.admin_forms import content_form
from tests.factories import UserFactory, add_item

pytestmark = pytest.mark.django_db

PREVIEW_URL = "https://dinkes.bantenprov.go.id/pratinjau"


@pytest.fixture
def editor_client(client, opds):
    client.force_login(
        UserFactory(opd=opds["dinkes"], role="editor", username="editor.dinkes")
    )
    return client


@pytest.fixture
def draft(opds):
    return add_item(opds["dinkes"], "Draf gizi", model=ArticlePage, live=False)


def set_preview_url(opd, url):
    opd.preview_url = url
    opd.save_revision().publish()


def preview(client, page, title, **params):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, content_form(title, slug=page.slug))
    assert posted.json()["is_valid"], posted.content
    response = client.get(url, {"mode": "situs-opd", **params})
    assert response.status_code == 200
    return response


def target_of(response) -> str:
    match = re.search(r'<a href="([^"]+)" target="_blank"', response.content.decode())
    return html.unescape(match.group(1)) if match else ""


def test_mode_is_offered_next_to_the_portal(draft):
    assert [mode for mode, _ in draft.preview_modes] == ["", "situs-opd"]


def test_preview_links_to_the_opd_site_with_a_token_for_the_saved_draft(
    editor_client, opds, draft
):
    set_preview_url(opds["dinkes"], PREVIEW_URL)
    response = preview(editor_client, draft, "Judul belum disimpan")
    target = target_of(response)
    assert target.startswith(PREVIEW_URL + "?token=")
    query = parse_qs(urlsplit(target).query)
    assert query["id"] == [str(draft.pk)]
    grant = preview_token_read(query["token"][0])
    assert grant.page_id == draft.pk
    assert grant.revision_id == draft.latest_revision_id
    body = response.content.decode()
    assert 'http-equiv="refresh"' in body  # a new tab goes straight there
    assert "belum disimpan tidak terlihat" in body
    assert response["Cache-Control"].startswith("private")


def test_side_panel_links_without_redirecting(editor_client, opds, draft):
    set_preview_url(opds["dinkes"], PREVIEW_URL)
    response = preview(editor_client, draft, "Draf gizi", in_preview_panel="true")
    assert target_of(response).startswith(PREVIEW_URL)
    assert 'http-equiv="refresh"' not in response.content.decode()


def test_without_a_preview_address_the_editor_is_told_why(editor_client, draft):
    response = preview(editor_client, draft, "Draf gizi")
    body = response.content.decode()
    assert target_of(response) == ""
    assert "token=" not in body
    assert "belum memiliki alamat pratinjau" in body


def test_editor_of_another_opd_cannot_preview(client, opds, draft):
    client.force_login(
        UserFactory(opd=opds["bpbd"], role="editor", username="editor.bpbd")
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
    response = client.get(url, {"mode": "situs-opd"})
    assert "token=" not in response.content.decode()


def test_opd_settings_tab_has_the_preview_address(client, opds):
    client.force_login(UserFactory(superuser=True, username="admin"))
    edit = reverse("wagtailadmin_pages:edit", args=[opds["dinkes"].pk])
    assert 'name="preview_url"' in client.get(edit).content.decode()
