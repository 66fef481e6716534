"""Rebuild the public search index from the database and swap it in atomically."""

import sys
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


class Command(BaseCommand):
    help = (
        "Build a new public search index from the database while the current one "
        "keeps serving, then point the alias at it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            default=1,
            help="previous indexes to keep for a quick rollback (default 1)",
        )
        parser.add_argument("--chunk-size", type=int, default=500)
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument(
            "--force",
            action="store_true",
            help="abandon a reindex that seems to be running (left by a crash)",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="build every document afresh (default: reuse the stored documents "
            "of unchanged pages)",
        )

    def handle(self, *args, keep, chunk_size, quiet, force, rebuild, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: there is no index to build."
            )
        url = _redacted(settings.ELASTICSEARCH_URL)
        bar = tqdm(
            total=total_pages(),
            unit="page",
            disable=quiet or not sys.stderr.isatty(),
            file=sys.stderr,
        )
        try:
            report = search_reindex(
                get_client(),
                keep=keep,
                chunk_size=chunk_size,
                force=force,
                rebuild=rebuild,
                progress=bar.update,
            )
        except ReindexInProgress as exc:
            raise CommandError(
                f"Another reindex is building {exc}; wait for it, or use --force if "
                "it crashed."
            ) from None
        except ReindexFailed as exc:
            raise CommandError(
                f"Reindex failed, the old index is unchanged: {exc}"
            ) from None
        except (TransportError, ApiError) as exc:
            raise CommandError(
                f"Elasticsearch at {url} is unreachable or refused the request: "
                f"{type(exc).__name__}: {exc}"
            ) from None
        finally:
            bar.close()
        rate = report.written / report.seconds if report.seconds else 0
        self.stdout.write(
            f"Indexed {report.written} documents into {report.index} in "
            f"{report.seconds:.1f} s ({rate:.0f}/s); {report.newer} already newer, "
            f"{report.skipped} skipped. Replaced: {', '.join(report.replaced) or '-'}; "
            f"deleted: {', '.join(report.deleted) or '-'}."
        )


def _redacted(url: str) -> str:
    """The URL without credentials, fit for an error message."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
