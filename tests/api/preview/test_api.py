"""GET /api/v1/preview/: a draft for the OPD site holding a preview key of its OPD."""

import pytest
from django.test import override_settings

from api.keys.services import api_key_create, api_key_revoke
from cms.content.models import ArticlePage
from cms.content.preview import preview_token_mint
from tests.factories import add_item

pytestmark = pytest.mark.django_db

URL = "/api/v1/preview/"


@pytest.fixture
def make_key(opds):
    def make(opd, scopes=("read", "preview")):
        _key, secret = api_key_create(
            name=f"Situs {opd.slug if opd else 'provinsi'}",
            opd=opd,
            scopes=list(scopes),
        )
        return secret

    return make


@pytest.fixture
def draft(opds):
    """A published article with newer, unpublished changes."""
    page = add_item(
        opds["dinkes"], "Jadwal imunisasi", model=ArticlePage, summary="Terbit."
    )
    page.title, page.summary = "Jadwal imunisasi (draf)", "Belum terbit."
    page.save_revision()
    return page


def get(client, secret=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Api-Key {secret}"} if secret else {}
    return client.get(URL, params, **headers)


def error_code(response):
    return response.json()["error"]["code"]


def test_key_of_the_opd_reads_the_saved_draft(client, draft, make_key):
    token = preview_token_mint(draft.latest_revision)
    response = get(client, make_key(draft.opd), token=token, id=draft.pk)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Jadwal imunisasi (draf)"
    assert body["summary"] == "Belum terbit."
    assert body["preview"] is True
    assert body["revision_id"] == draft.latest_revision_id
    assert body["expires_at"].endswith("+07:00")
    assert response["Cache-Control"] == "private, no-store"
    # The public API still serves the published version.
    public = client.get(f"/api/v1/content/{draft.pk}/").json()
    assert public["title"] == "Jadwal imunisasi"


def test_never_published_draft_is_previewable(client, opds, make_key):
    page = add_item(opds["dinkes"], "Draf baru", live=False)
    token = preview_token_mint(page.latest_revision)
    response = get(client, make_key(opds["dinkes"]), token=token)
    assert response.status_code == 200
    assert response.json()["title"] == "Draf baru"
    assert client.get(f"/api/v1/content/{page.pk}/").status_code == 404


def test_province_wide_key_reads_any_opd(client, draft, make_key):
    token = preview_token_mint(draft.latest_revision)
    assert get(client, make_key(None), token=token).status_code == 200


def test_key_of_another_opd_is_refused(client, opds, draft, make_key):
    token = preview_token_mint(draft.latest_revision)
    response = get(client, make_key(opds["bpbd"]), token=token)
    assert response.status_code == 403
    assert error_code(response) == "forbidden"
    assert "imunisasi" not in response.content.decode()


def test_key_without_preview_scope_is_refused(client, draft, make_key):
    token = preview_token_mint(draft.latest_revision)
    response = get(client, make_key(draft.opd, scopes=["read"]), token=token)
    assert response.status_code == 403
    assert error_code(response) == "forbidden"


def test_no_key_is_refused(client, draft):
    response = get(client, token=preview_token_mint(draft.latest_revision))
    assert response.status_code == 403
    assert response["Cache-Control"] == "private, no-store"


def test_revoked_key_is_refused(client, draft, opds):
    key, secret = api_key_create(name="Lama", opd=draft.opd, scopes=["preview"])
    api_key_revoke(key=key)
    response = get(client, secret, token=preview_token_mint(draft.latest_revision))
    assert response.status_code == 401


def test_expired_token(client, draft, make_key):
    token = preview_token_mint(draft.latest_revision)
    with override_settings(API_PREVIEW_TOKEN_SECONDS=-1):
        response = get(client, make_key(draft.opd), token=token)
    assert response.status_code == 403
    assert error_code(response) == "preview_token_expired"


def test_tampered_token(client, draft, make_key):
    token = preview_token_mint(draft.latest_revision)
    response = get(client, make_key(draft.opd), token=token[:-3] + "abc")
    assert response.status_code == 403
    assert error_code(response) == "preview_token_invalid"


def test_missing_token(client, make_key, opds):
    response = get(client, make_key(opds["dinkes"]))
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"token": ["Wajib diisi."]}


def test_token_is_never_good_for_another_page(client, opds, draft, make_key):
    other = add_item(opds["dinkes"], "Draf lain", live=False)
    secret = make_key(opds["dinkes"])
    token = preview_token_mint(draft.latest_revision)
    response = get(client, secret, token=token, id=other.pk)
    assert response.status_code == 403
    assert error_code(response) == "preview_token_invalid"
    # The id given must match; without one the token's own page is served.
    assert get(client, secret, token=token).json()["id"] == draft.pk


def test_deleted_draft_is_404(client, opds, make_key):
    page = add_item(opds["dinkes"], "Akan dihapus", live=False)
    token = preview_token_mint(page.latest_revision)
    page.delete()
    response = get(client, make_key(opds["dinkes"]), token=token)
    assert response.status_code == 404
