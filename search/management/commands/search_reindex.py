"""Rebuild the public search index from the database and swap it in atomically."""

import contextlib
import signal
import sys
import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from elastic_transport import TransportError
from elasticsearch import ApiError
from tqdm import tqdm

from search.client import get_client
from search.indexing.reindex import (
    ReindexFailed,
    ReindexInProgress,
    search_reindex,
    total_pages,
)

EXIT_BUSY = 75  # EX_TEMPFAIL: another run holds the lock, try again later
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stopped(BaseException):
    """A stop signal, raised where the main thread is (BaseException: nothing on
    the way may swallow it) so the reindex removes its half-built index."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class Command(BaseCommand):
    help = (
        "Build a new public search index from the database while the current one "
        "keeps serving, then point the alias at it and delete the replaced index. "
        "One run at a time: a second run exits with code 75. SIGTERM or Ctrl-C "
        "removes the half-built index (exit 128+signal); after a SIGKILL the next "
        "run removes it by itself."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500)
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="build every document afresh (default: reuse the stored documents "
            "of unchanged pages)",
        )

    def handle(self, *args, chunk_size, quiet, rebuild, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: there is no index to build."
            )
        url = _redacted(settings.ELASTICSEARCH_URL)
        with _stop_on_signals():
            try:
                report = self._run(chunk_size, quiet, rebuild)
            except Stopped as stop:
                raise CommandError(
                    f"Reindex stopped by {signal.Signals(stop.signum).name}: the "
                    "half-built index was removed, the current index keeps serving.",
                    returncode=128 + stop.signum,
                ) from None
            except ReindexInProgress as exc:
                raise CommandError(
                    f"Another search_reindex is running ({exc}). Nothing was "
                    "changed; run again when it has finished.",
                    returncode=EXIT_BUSY,
                ) from None
            except ReindexFailed as exc:
                raise CommandError(
                    f"Reindex failed, the current index keeps serving: {exc}"
                ) from None
            except (TransportError, ApiError) as exc:
                raise CommandError(
                    f"Elasticsearch at {url} is unreachable or refused the request: "
                    f"{type(exc).__name__}: {exc}"
                ) from None
        if report.leftovers:
            self.stderr.write(
                "Removed what an interrupted run left: " + ", ".join(report.leftovers)
            )
        rate = report.written / report.seconds if report.seconds else 0
        self.stdout.write(
            f"Indexed {report.written} documents into {report.index} in "
            f"{report.seconds:.1f} s ({rate:.0f}/s); {report.newer} already newer, "
            f"{report.skipped} skipped. Replaced and deleted: "
            f"{', '.join(report.deleted) or '-'}."
        )

    def _run(self, chunk_size, quiet, rebuild):
        bar = tqdm(
            total=total_pages(),
            unit="page",
            disable=quiet or not sys.stderr.isatty(),
            file=sys.stderr,
        )
        try:
            return search_reindex(
                get_client(),
                chunk_size=chunk_size,
                rebuild=rebuild,
                progress=bar.update,
            )
        finally:
            bar.close()


@contextlib.contextmanager
def _stop_on_signals():
    """SIGTERM and SIGINT raise ``Stopped`` once; later ones are ignored so the
    clean-up can finish (SIGKILL still works: the next run cleans up)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def stop(signum, frame):
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        raise Stopped(signum)

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _redacted(url: str) -> str:
    """The URL without credentials, fit for an error message."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
