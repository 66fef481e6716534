"""The issue's two-browser scenario (``scenario.py``) on ``make run``'s own setup:
uvicorn serving the development settings on the embedded defaults (SQLite, no
Redis: the live events stay in the one process, eager Celery), started the way
the Makefile starts it. The production setup runs the same scenario in
tests/faults/test_5_live_admin.py."""

import pytest

from tests.embedded.child import embedded_env, free_port, run_python, served

from . import scenario


@pytest.fixture(scope="module")
def make_run_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("make-run")
    env = {**embedded_env(folder), "PYTHONUNBUFFERED": "1"}
    run_python(env, "manage.py", "migrate", "--noinput", "-v0")
    site = scenario.prepare(env)
    port = free_port()
    with served(env, folder, port) as base:
        yield base, port, site


def test_two_browsers_on_make_run(make_run_site):
    base, port, site = make_run_site
    scenario.run_in_chromium(base, port, site, shots="make-run")
