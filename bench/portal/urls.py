"""Our URLs, plus static copies of the benchmarked pages at /static-copy/<name>."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import include, path


@cache
def _copy(name: str) -> bytes:
    """HTML the benchmark captured from the portal (read once per worker)."""
    folder = Path(os.environ["BENCH_STATIC_DIR"])
    return (folder / f"{Path(name).name}.html").read_bytes()


def static_copy(request, name):
    """The same HTML bytes, served by the same server with no work at all."""
    return HttpResponse(_copy(name), content_type="text/html; charset=utf-8")


urlpatterns = [
    path("static-copy/<str:name>", static_copy),
    path("", include("cms.urls")),
]
