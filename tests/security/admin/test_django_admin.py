"""The Django admin is a second login form: absent unless DJANGO_ADMIN_ENABLED, and
under the same lockout when mounted."""

import importlib

import pytest
from django.urls import clear_url_caches

from tests.factories import UserFactory
from tests.security.policy import production_env, run_python

pytestmark = pytest.mark.django_db


@pytest.fixture
def urlconf(settings):
    """``urlconf(enabled)``: cms.urls built again with the setting given."""
    import cms.urls

    def build(enabled: bool):
        settings.DJANGO_ADMIN_ENABLED = enabled
        importlib.reload(cms.urls)
        clear_url_caches()

    yield build
    settings.DJANGO_ADMIN_ENABLED = False
    importlib.reload(cms.urls)
    clear_url_caches()


def _resolves(path: str, **env) -> str:
    code = (
        "import django; django.setup()\n"
        "from django.urls import Resolver404, resolve\n"
        "try:\n"
        f"    match = resolve({path!r})\n"
        "    print(f'{match.namespace}:{match.url_name}')\n"
        "except Resolver404:\n"
        "    print('404')\n"
    )
    done = run_python(code, production_env(**env))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_production_settings_mount_no_django_admin():
    # Only the page tree's catch-all (a 404 for this path) is left.
    assert _resolves("/django-admin/login/") == ":wagtail_serve"
    assert _resolves("/admin/login/") == ":wagtailadmin_login"
    on = _resolves("/django-admin/login/", DJANGO_ADMIN_ENABLED="true")
    assert on == "admin:login"


def test_django_admin_absent_unless_enabled(client, urlconf):
    urlconf(False)
    assert client.get("/django-admin/login/").status_code == 404


def test_django_admin_login_is_locked_out_when_enabled(client, login, urlconf):
    urlconf(True)
    UserFactory(superuser=True, username="admin", password="benar-sekali")
    path = "/django-admin/login/"
    assert client.get(path).status_code == 200
    for _ in range(5):
        login("admin", "salah", path=path)
    response = login("admin", "benar-sekali", path=path)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
