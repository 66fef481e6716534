"""What the project reads of Django's internals, each in one place with a test that
fails loudly when an upgrade changes it (tests/cms/core/test_framework_internals.py).

Here: request state that Django's middleware keep for themselves, read by the
portal's page cache to tell a page that is the same for every reader from one that
is not. Elsewhere, each with its own test:

- ``connection.run_on_commit`` (callbacks pending for the commit):
  ``cms/core/commit.py``, tests/cms/core/test_commit.py.
- How Django's ``RedisCache`` stores values (its serializer): the direct Redis
  client of ``cms/core/cache_client.py``, tests/cms/core/test_cache_client.py.
- How ``RedisCacheClient`` picks its connection pool (``_servers``, the pool
  options): one pool per server per process, ``cms/core/failsafe_cache.py``,
  tests/cms/core/test_cache_client.py.

Nothing else may reach into private attributes of Django, Wagtail or DRF; the test
also checks that the names above are read nowhere else.
"""

from django.contrib.messages import get_messages

# Set by ``django.middleware.csrf.get_token``: the response must (re)send the CSRF
# cookie, the page holds a token.
_CSRF_COOKIE_NEEDS_UPDATE = "CSRF_COOKIE_NEEDS_UPDATE"


def csrf_token_used(request) -> bool:
    """True when this request's response uses a CSRF token (a form rendered one):
    ``CsrfViewMiddleware`` then sets the cookie on the way out."""
    return bool(request.META.get(_CSRF_COOKIE_NEEDS_UPDATE))


def messages_added(request) -> bool:
    """True when this request added a message (``django.contrib.messages``), shown
    on this response or stored for the next; even once the page displayed it."""
    return bool(getattr(get_messages(request), "added_new", False))
