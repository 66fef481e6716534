"""Production settings refuse to start when they would be unsafe."""

import os
import subprocess
import sys

import pytest

BASE_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5/db",
}


def _check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "CRITICAL"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "x" * 50, "DEBUG": "true"}, "DEBUG must be off"),
        ({"SECRET_KEY": "x" * 50, "DATABASE_URL": ""}, "DATABASE_URL must point"),
    ],
)
def test_production_refuses_unsafe_configuration(overrides, message):
    result = _check({**BASE_ENV, **overrides})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_safe_configuration():
    result = _check(
        {**BASE_ENV, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "cms.bantenprov.go.id"}
    )
    assert result.returncode == 0, result.stderr


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert "en" in dict(settings.LANGUAGES)
