"""cms.settings.production: `check --deploy` is clean under the documented
environment (docs/production.env.example), and each unsafe setting is refused at
start-up with a message naming what to fix."""

import pytest

from .policy import production_env, run_manage, run_python

START = "import django; django.setup()"


def test_check_deploy_is_clean_with_the_documented_environment():
    done = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env()
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_the_documented_environment_starts():
    done = run_python(START, production_env())
    assert done.returncode == 0, done.stderr


UNSAFE = {
    "no SECRET_KEY": ({"SECRET_KEY": None}, "SECRET_KEY"),
    "short SECRET_KEY": ({"SECRET_KEY": "too-short-but-random-Zx81"}, "SECRET_KEY"),
    "repetitive SECRET_KEY": ({"SECRET_KEY": "ab" * 30}, "SECRET_KEY"),
    "dev SECRET_KEY": (
        {"SECRET_KEY": "dev-only-insecure-key-change-me" + "x" * 40},
        "SECRET_KEY",
    ),
    "no DATABASE_URL": ({"DATABASE_URL": None}, "DATABASE_URL"),
    "SQLite": ({"DATABASE_URL": "sqlite:////tmp/site.sqlite3"}, "DATABASE_URL"),
    "MySQL": ({"DATABASE_URL": "mysql://u:p@db:3306/site"}, "DATABASE_URL"),
    "ALLOWED_HOSTS=*": ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    "* among hosts": (
        {"ALLOWED_HOSTS": "informasi.bantenprov.go.id,*"},
        "ALLOWED_HOSTS",
    ),
    "no ALLOWED_HOSTS": ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
    "DEBUG on": ({"DEBUG": "true"}, "DEBUG"),
}


@pytest.mark.parametrize(("overrides", "named"), UNSAFE.values(), ids=UNSAFE)
def test_unsafe_settings_are_refused(overrides, named):
    done = run_python(START, production_env(**overrides))
    assert done.returncode != 0, f"{overrides} was accepted"
    assert "ImproperlyConfigured" in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert named in last, last
