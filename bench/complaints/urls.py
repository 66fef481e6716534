"""Our URLs, plus a static copy of a submission receipt at /api/static-copy/."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import include, path


@cache
def _receipt() -> bytes:
    return Path(os.environ["BENCH_STATIC_FILE"]).read_bytes()


def static_copy(request):
    """The bytes of a real receipt, served by the same server with no work."""
    return HttpResponse(_receipt(), content_type="application/json")


urlpatterns = [
    # Under /api/ so the same middleware applies as to the API itself.
    path("api/static-copy/", static_copy),
    path("", include("cms.urls")),
]
