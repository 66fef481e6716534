"""Shared fixtures. The suite runs against the real services started by `make services`.

A missing service is a failure, never a skip: `make test` starts them and exports their
URLs; running pytest by hand needs `eval "$(make -s services)"` first.
"""

import os

import pytest

REQUIRED_ENV = {
    "DATABASE_URL": "postgres",
    "CACHE_URL": "redis",
    "CELERY_BROKER_URL": "redis",
    "ELASTICSEARCH_URL": "http",
    "AWS_S3_ENDPOINT_URL": "http",
    "AWS_STORAGE_BUCKET_NAME": "",
}


def pytest_configure(config):
    missing = [
        name
        for name, prefix in REQUIRED_ENV.items()
        if not os.environ.get(name, "").startswith(prefix) or not os.environ.get(name)
    ]
    if missing:
        pytest.exit(
            "The test suite needs the real services; these variables are missing or "
            f"wrong: {', '.join(missing)}. Run `make test`, or "
            '`eval "$(make -s services)"` before calling pytest.',
            returncode=3,
        )


@pytest.fixture
def home(db):
    from cms.opd.services import province_home_ensure

    return province_home_ensure()


@pytest.fixture
def opds(home):
    """Three OPD pages, enough to test isolation between agencies."""
    from tests.factories import make_opds

    return make_opds(home)
