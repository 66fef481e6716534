"""Production: refuse to start with unsafe configuration."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
# Each refusal names the variable to fix (tests/security/test_production_settings.py).
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("dev-only", "django-insecure"))
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in production to a random value of at least 50 "
        "characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
_engine = DATABASES["default"]["ENGINE"]  # noqa: F405
if not env("DATABASE_URL", default="") or not _engine.endswith(
    ("postgresql", "postgis")
):
    raise ImproperlyConfigured(
        "DATABASE_URL must point at PostgreSQL in production "
        "(postgres://user:password@host:5432/name)."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the site's host names in production "
        "(comma-separated); '*' is refused."
    )

# HTTPS. TLS ends at the proxy (load balancer), which must set X-Forwarded-Proto
# and strip any such header from clients; docs/production.md.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Health probes of the load balancer come over plain HTTP: never redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)  # a year
# Subdomains of the portal's own host only (not its siblings): on by default.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
# Preloading is hard to undo, so the operator opts in; until then Django's reminder
# that it is off (security.W021) is silenced on purpose.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [
        *globals().get("SILENCED_SYSTEM_CHECKS", []),
        "security.W021",
    ]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Email goes out over SMTP (EMAIL_HOST...), not to the console as in development.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
# Served under ASGI (docs/production.md), a request's sync code runs in a thread
# taken from a per-process pool (cms/core/asgi_handler.py). Web processes share a few
# database connections through psycopg's pool (about twice the API's throughput in
# bench/api, when every request had a new thread): keep web processes x
# DATABASE_POOL_SIZE below PostgreSQL's max_connections. A full pool makes a request
# wait DATABASE_POOL_TIMEOUT seconds, then answer 503. Celery workers drop the pool
# (cms/celery.py: a forked child must not share its parent's connections);
# DATABASE_POOL_SIZE=0 turns it off, e.g. for a WSGI deployment that prefers
# CONN_MAX_AGE.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)  # noqa: F405
_pool_size = env.int("DATABASE_POOL_SIZE", default=8)
if _pool_size > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405  (the pool keeps them)
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": 1,
        "max_size": _pool_size,
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
    }
