"""Test settings: the real services given by `make services` (see tests/conftest.py)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
# The test client's host, so absolute URLs and the pages they name agree.
PORTAL_BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
# Tests sign in with force_login; the two-factor tests switch this on
# (tests/security/).
ADMIN_2FA_REQUIRED = False
# Celery runs eagerly inside tests unless a test starts a real worker itself.
CELERY_TASK_ALWAYS_EAGER = True
# No background thread sending search counts: a test flushes them itself.
SEARCH_QUERY_COUNTS_SECONDS = 0
# Separate names per parallel test run (e.g. several developers on one server).
ELASTICSEARCH_INDEX_PREFIX = env("TEST_INDEX_PREFIX", default="sipanganten-test")
# A key prefix per run too, so parallel runs sharing one Redis never see each
# other's cached values (Wagtail caches the site root paths there).
CACHES["default"]["KEY_PREFIX"] = ELASTICSEARCH_INDEX_PREFIX  # noqa: F405
# Test transactions never commit, so the content generation never moves: the
# portal page cache is off unless a test turns it on (tests/portal/test_page_cache.py).
PORTAL_PAGE_CACHE_TTL = 0
# Test transactions roll back without telling anyone: the holiday memo
# (cms/core/holiday_cache.py) checks the table's signature on every call.
HOLIDAYS_RECHECK_SECONDS = 0
