"""Managing API keys in the Wagtail admin (Settings > Kunci API)."""

import hashlib
import re

import pytest
from django.contrib.auth.models import Group, Permission

from api.keys.models import APIKey
from tests.factories import UserFactory

from .conftest import key_header

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"spg_[0-9a-f]{8}\.[A-Za-z0-9_-]{40,}")


def create_through_admin(client, committed, opd, **extra):
    data = {
        "name": "Situs Dinkes",
        "opd": opd.pk,
        "scopes": ["read", "preview"],
        "allowed_origins": "https://Dinkes.Example.go.id:443/\nhttp://localhost:3000",
        "rate_per_minute": "",
        **extra,
    }
    with committed():
        return client.post("/admin/kunci-api/new/", data)


def test_created_key_is_shown_once_and_only_its_hash_is_stored(
    client, committed, superuser, opds
):
    client.force_login(superuser)
    response = create_through_admin(client, committed, opds["dinkes"])
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = SECRET.search(response.content.decode()).group(0)

    key = APIKey.objects.get()
    assert key.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(key.prefix)
    stored = [str(v) for v in APIKey.objects.values().get().values()]
    assert not any(secret in value for value in stored)
    assert key.opd_id == opds["dinkes"].pk
    assert key.scopes == ["read", "preview"]
    assert key.allowed_origins == [
        "https://dinkes.example.go.id",
        "http://localhost:3000",
    ]
    assert key.created_by == superuser and key.is_active

    # Never again: not in the list, not on the edit page.
    listing = client.get("/admin/kunci-api/").content.decode()
    assert key.prefix in listing and "Situs Dinkes" in listing
    assert "http://localhost:3000" in listing
    assert secret not in listing
    edit = client.get(f"/admin/kunci-api/edit/{key.pk}/").content.decode()
    assert secret not in edit and "https://dinkes.example.go.id" in edit

    # The key works at once.
    assert client.get("/api/v1/opd/", **key_header(secret)).status_code == 200


def test_invalid_origin_is_refused(client, committed, superuser, opds):
    client.force_login(superuser)
    response = create_through_admin(
        client, committed, opds["dinkes"], allowed_origins="dinkes.go.id/berita"
    )
    assert response.status_code == 200
    assert "Bukan origin yang sah" in response.content.decode()
    assert not APIKey.objects.exists()


def test_revoke_takes_effect_on_the_next_request(client, committed, superuser, opds):
    client.force_login(superuser)
    secret = SECRET.search(
        create_through_admin(client, committed, opds["dinkes"]).content.decode()
    ).group(0)
    key = APIKey.objects.get()
    assert client.get("/api/v1/opd/", **key_header(secret)).status_code == 200

    confirm = client.get(f"/admin/kunci-api/revoke/{key.pk}/")
    assert confirm.status_code == 200 and key.prefix in confirm.content.decode()
    with committed():
        response = client.post(f"/admin/kunci-api/revoke/{key.pk}/")
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None and key.revoked_by == superuser

    refused = client.get("/api/v1/opd/", **key_header(secret))
    assert refused.status_code == 401
    assert refused.json()["error"]["message"] == "Kunci API ini sudah dicabut."
    # Revoked keys stay listed (a record of access), and cannot be deleted.
    assert "Dicabut" in client.get("/admin/kunci-api/").content.decode()
    client.post(f"/admin/kunci-api/delete/{key.pk}/")
    assert APIKey.objects.filter(pk=key.pk).exists()


def test_only_superusers_or_holders_of_the_permission_manage_keys(
    client, committed, opds
):
    editor = UserFactory(opd=opds["dinkes"], role="editor", username="editor.dinkes")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/kunci-api/").status_code in (302, 403)
    assert client.post("/admin/kunci-api/new/", {"name": "x"}).status_code in (
        302,
        403,
    )
    assert "kunci-api" not in client.get("/admin/").content.decode()
    assert not APIKey.objects.exists()

    managers = Group.objects.create(name="Pengelola API")
    managers.permissions.add(Permission.objects.get(codename="manage_apikey"))
    editor.groups.add(managers)
    client.force_login(editor)
    assert client.get("/admin/kunci-api/").status_code == 200
    response = create_through_admin(client, committed, opds["dinkes"])
    assert SECRET.search(response.content.decode())
