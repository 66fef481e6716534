from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.accounts import restriction_passwords
from cms.core import health
from cms.live.stream import stream as live_stream

# JSON errors under /api/ (unknown endpoint, crash), the portal's pages elsewhere.
handler404 = "api.v1.errors.handler404"
handler500 = "api.v1.errors.handler500"

urlpatterns = [
    # First: the API is the busiest prefix, and every pattern tried before the
    # matching one costs each request (none of the others starts with "api/").
    path("api/", include("api.urls")),
    # Liveness (also the old /healthz) and readiness: docs/operations.md.
    path("healthz", health.live, name="health"),
    path("healthz/live", health.live, name="health-live"),
    path("healthz/ready", health.ready, name="health-ready"),
    # The live admin's event stream: an async view, so outside Wagtail's admin URL
    # wrappers (sync ones); it checks admin access itself (cms/live/stream.py).
    path("admin/live/stream/", live_stream, name="live_stream"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's shared-password forms, under the same lockout as the login forms
    # (mounted before Wagtail's own routes to the same views).
    path(
        "dokumen/authenticate_with_password/<int:restriction_id>/",
        restriction_passwords.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/",
        restriction_passwords.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("dokumen/", include(wagtaildocs_urls)),
    # Open311 GeoReport v2 for civic apps (api/open311, docs/api/open311.md).
    path("open311/v2/", include("api.open311.urls")),
    # RSS/Atom feeds and sitemap.xml (api/feeds): public, derived from the content.
    path("", include("api.feeds.urls")),
    # The language switcher posts without a CSRF token so portal pages stay the same
    # for every reader (cacheable); a forged post can only switch the UI language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
]

# A second login form, so only where needed (DJANGO_ADMIN_ENABLED); it is under
# the same lockout and two-factor rules as the Wagtail admin.
if settings.DJANGO_ADMIN_ENABLED:
    urlpatterns.append(path("django-admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The portal: our own views first, then Wagtail's page serving for the page tree.
urlpatterns += [
    path("", include("portal.urls")),
    path("", include(wagtail_urls)),
]
