"""Our URLs, plus Wagtail API v2 at /api/v2/ and static copies at /static-copy/."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)


@cache
def _copy(name: str) -> bytes:
    """Bytes the benchmark captured from our API (read once per worker)."""
    folder = Path(os.environ["BENCH_STATIC_DIR"])
    return (folder / f"{Path(name).name}.json").read_bytes()


def static_copy(request, name):
    """The same JSON bytes, served by the same server with no work at all."""
    return HttpResponse(_copy(name), content_type="application/json")


urlpatterns = [
    path("api/v2/", router.urls),
    # Under /api/ so the same middleware applies as to the API itself.
    path("api/static-copy/<str:name>", static_copy),
    path("", include("cms.urls")),
]
