"""Two-factor sign-in: superusers and reviewers cannot use the admin with the
password alone; enrolment gives one-time recovery codes; editors are not forced."""

import re
import time

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENROL, VERIFY = "/admin/dua-faktor/daftar/", "/admin/dua-faktor/verifikasi/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.ADMIN_2FA_REQUIRED = True


def code_for(user, steps_ahead: int = 0) -> str:
    """The authenticator app's code now (or a later one: each is accepted once)."""
    device = TOTPDevice.objects.get(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def sign_in(client, user):
    response = client.post(
        "/admin/login/",
        {"username": user.username, "password": "x", "next": "/admin/pages/"},
        REMOTE_ADDR="10.2.2.2",
    )
    assert response.status_code == 302
    return response


def enrol(client, user) -> list[str]:
    """Enrol an authenticator; returns the recovery codes shown."""
    page = client.get(ENROL).content.decode()
    assert "<svg" in page and "data-secret" in page
    response = client.post(ENROL, {"code": code_for(user), "next": "/admin/"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page)


def test_superuser_must_enrol_then_verify_before_any_admin_page(client):
    admin = UserFactory(superuser=True, username="admin")
    sign_in(client, admin)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith(ENROL)

    codes = enrol(client, admin)
    assert len(codes) == 10
    assert client.get("/admin/pages/").status_code == 200

    client.logout()
    sign_in(client, admin)
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    # The enrolment page cannot be used to replace the authenticator.
    assert client.get(ENROL)["Location"].startswith(VERIFY)

    assert client.post(VERIFY, {"code": "000000"}).status_code == 200
    TOTPDevice.objects.update(throttling_failure_count=0)  # skip the wait
    response = client.post(VERIFY, {"code": code_for(admin, 1), "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_works_once(client):
    admin = UserFactory(superuser=True)
    sign_in(client, admin)
    codes = enrol(client, admin)

    for attempt in ("first", "second"):
        client.logout()
        sign_in(client, admin)
        response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"})
        if attempt == "first":
            assert response.status_code == 302
            assert client.get("/admin/pages/").status_code == 200
        else:
            assert response.status_code == 200  # refused
            assert client.get("/admin/pages/").status_code == 302


def test_recovery_codes_are_shown_only_once(client):
    admin = UserFactory(superuser=True)
    sign_in(client, admin)
    enrol(client, admin)
    response = client.get("/admin/dua-faktor/kode-pemulihan/")
    assert response.status_code == 302  # gone from the session


def test_wrong_codes_are_throttled(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 600
    admin = UserFactory(superuser=True)
    sign_in(client, admin)
    enrol(client, admin)
    client.logout()
    sign_in(client, admin)
    client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": code_for(admin, 1)})
    assert response.status_code == 200
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_reviewers_are_forced_and_editors_are_not(client, opds):
    reviewer = UserFactory(opd=opds["dinkes"], role="reviewer")
    client.force_login(reviewer)
    assert client.get("/admin/")["Location"].startswith(ENROL)

    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    assert client.get("/admin/").status_code == 200


def test_the_setting_decides_the_groups(client, opds, settings):
    settings.ADMIN_2FA_GROUPS = ["*: Editor"]
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_password_alone_is_anonymous_outside_the_admin(client):
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from cms.accounts.middleware import TwoFactorMiddleware

    admin = UserFactory(superuser=True)
    request = RequestFactory().get("/dokumen/1/laporan.pdf")
    request.user, request.session = admin, {}
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "signed-in"
    seen = TwoFactorMiddleware(lambda r: r.user)(request)
    assert isinstance(seen, AnonymousUser)


def test_reset_2fa_makes_the_user_enrol_again(client):
    admin = UserFactory(superuser=True, username="kehilangan.hp")
    sign_in(client, admin)
    enrol(client, admin)
    call_command("reset_2fa", "kehilangan.hp")
    assert client.get("/admin/")["Location"].startswith(ENROL)
