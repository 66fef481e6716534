"""``/favicon.ico``: browsers and bookmark tools ask for it at the root whatever the
page says, so it is answered here (a 404 per visit otherwise). Pages also link the
SVG version from static files (base.html)."""

from functools import cache

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

ICON = "portal/favicon.ico"
MAX_AGE = 7 * 24 * 3600  # an icon rarely changes; a week keeps it off the server


@cache
def _icon_bytes() -> bytes:
    path = finders.find(ICON)  # the source file; collected storage otherwise
    if path:
        with open(path, "rb") as icon:
            return icon.read()
    with staticfiles_storage.open(ICON) as icon:
        return icon.read()


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def favicon(request):
    return HttpResponse(_icon_bytes(), content_type="image/x-icon")
