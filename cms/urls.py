from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.views import health

# JSON errors under /api/ (unknown endpoint, crash), the portal's pages elsewhere.
handler404 = "api.v1.errors.handler404"
handler500 = "api.v1.errors.handler500"

urlpatterns = [
    path("healthz", health, name="health"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    # RSS/Atom feeds and sitemap.xml (api/feeds): public, derived from the content.
    path("", include("api.feeds.urls")),
    # The language switcher posts without a CSRF token so portal pages stay the same
    # for every reader (cacheable); a forged post can only switch the UI language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The portal: our own views first, then Wagtail's page serving for the page tree.
urlpatterns += [
    path("", include("portal.urls")),
    path("", include(wagtail_urls)),
]
