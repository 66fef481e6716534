"""Fixtures of the access and caching suite: API keys, and commits made explicit
(on-commit hooks run only inside ``committed()``, as after a real commit)."""

from contextlib import contextmanager

import pytest

from cms.core.commit import take_pending
from tests.factories import UserFactory

OUR_HOOK_MODULES = ("cms.core.changes", "cms.core.content_generation", "api.keys")


@pytest.fixture(autouse=True)
def api_cache_upkeep_at_once():
    """Overrides tests/api/conftest.py: here hooks wait for ``committed()``."""


def run_earlier_hooks():
    """Changes made before (by fixtures) count as committed: run the API cache hooks
    they left pending, as their commit would have. pytest-django never commits, and
    a hook still pending would stand in for the next block's own (one per
    transaction)."""
    for hook in take_pending(lambda func: func.__module__.startswith(OUR_HOOK_MODULES)):
        hook()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...``: the block is one committed transaction; its
    on-commit hooks run at its end."""

    @contextmanager
    def block():
        run_earlier_hooks()
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return block


@pytest.fixture
def make_key(db, committed):
    """An API key and its secret, committed (its cache records are written)."""
    from api.keys.services import api_key_create

    def make(name="Situs uji", **fields):
        with committed():
            return api_key_create(name=name, **fields)

    return make


@pytest.fixture
def superuser(db):
    return UserFactory(superuser=True, username="admin", email="a@example.com")


def key_header(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Api-Key {secret}"}
