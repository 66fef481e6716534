"""Login lockout (django-axes): the right password after five wrong ones is refused
while the lock lasts, per account and address and per address, on every login form.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.factories import UserFactory

from .conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return UserFactory(superuser=True, username="admin", password="benar-sekali")


def _fail(login, times, username="admin", **kwargs):
    for _ in range(times):
        response = login(username, "salah", **kwargs)
    return response


def test_brute_force_locks_the_account_even_for_the_right_password(
    client, login, admin_user
):
    response = _fail(login, 4)
    assert response.status_code == 200  # the form again, with its error
    response = _fail(login, 1)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert response["Retry-After"] == str(15 * 60)

    response = login("admin", "benar-sekali")
    assert response.status_code == 429
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302  # still to the login form


def test_another_address_is_not_locked_out_by_someone_elses_guesses(
    client, login, admin_user
):
    _fail(login, 5, ip="203.0.113.9")
    response = login("admin", "benar-sekali", ip="10.1.1.1")
    assert response.status_code == 302 and signed_in(client)


def test_one_address_guessing_many_accounts_is_locked(client, login, settings):
    settings.ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT = 8
    UserFactory(username="editor.baik", password="rahasia-editor")
    for n in range(8):
        _fail(login, 1, username=f"tebakan{n}")
    response = login("editor.baik", "rahasia-editor")
    assert response.status_code == 429 and not signed_in(client)
    response = login("editor.baik", "rahasia-editor", ip="10.9.9.9")
    assert response.status_code == 302 and signed_in(client)


def test_a_spoofed_forwarded_for_does_not_escape_the_lock(client, login, admin_user):
    for n in range(5):
        login("admin", "salah", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = login("admin", "benar-sekali", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert response.status_code == 429 and not signed_in(client)


def test_behind_a_trusted_proxy_the_forwarded_client_is_locked(
    client, login, admin_user, settings
):
    settings.API_TRUSTED_PROXIES = ["10.0.0.0/8"]
    _fail(login, 5, ip="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    locked = login(
        "admin", "benar-sekali", ip="10.0.0.3", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert locked.status_code == 429
    # Another client behind the same proxy is someone else.
    other = login(
        "admin", "benar-sekali", ip="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.8"
    )
    assert other.status_code == 302 and signed_in(client)


def test_success_resets_the_count(client, login, admin_user):
    _fail(login, 4)
    assert login("admin", "benar-sekali").status_code == 302
    client.logout()
    assert _fail(login, 4).status_code == 200
    assert login("admin", "benar-sekali").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, login, admin_user):
    _fail(login, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert login("admin", "benar-sekali").status_code == 302 and signed_in(client)


def test_the_front_end_login_is_locked_too(client, login, admin_user):
    _fail(login, 5, path="/_util/login/")
    response = login("admin", "benar-sekali")  # and the admin's form with it
    assert response.status_code == 429 and not signed_in(client)


def test_axes_reset_unlocks(client, login, admin_user):
    from django.core.management import call_command

    _fail(login, 5)
    call_command("axes_reset_username", "admin")
    assert login("admin", "benar-sekali").status_code == 302


def test_lockout_works_with_the_cache_down(client, login, admin_user, settings):
    """Attempts live in PostgreSQL: an unreachable Redis changes nothing."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens (discard port)
        }
    }
    assert _fail(login, 5).status_code == 429
    assert login("admin", "benar-sekali").status_code == 429
    assert login("admin", "benar-sekali", ip="10.3.3.3").status_code == 302


def test_a_superuser_unlocks_from_the_wagtail_admin(client, login, admin_user):
    from axes.models import AccessAttempt

    _fail(login, 5)
    other = UserFactory(superuser=True, username="admin2")
    client.force_login(other)
    listing = client.get("/admin/percobaan_masuk/").content.decode()
    assert "admin" in listing and "10.1.1.1" in listing
    attempt = AccessAttempt.objects.get(username="admin")
    response = client.post(f"/admin/percobaan_masuk/delete/{attempt.pk}/")
    assert response.status_code == 302
    client.logout()
    assert login("admin", "benar-sekali").status_code == 302


def test_others_cannot_see_the_attempts(client, opds):
    client.force_login(UserFactory(opd=opds["dinkes"], role="reviewer"))
    assert client.get("/admin/percobaan_masuk/").status_code in (302, 403)
