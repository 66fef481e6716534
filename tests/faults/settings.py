"""Settings of the fault-injection harness's server: production, served over plain
HTTP on loopback (no TLS in front), so the cookies and redirects that assume a
TLS-terminating proxy are relaxed. Nothing else differs from production."""

from cms.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
