"""Test settings: the real services given by `make services` (see tests/conftest.py)."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
# Celery runs eagerly inside tests unless a test starts a real worker itself.
CELERY_TASK_ALWAYS_EAGER = True
ELASTICSEARCH_INDEX_PREFIX = "sipanganten-test"
