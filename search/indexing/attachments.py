"""Text of attached documents (PDF, Word, PowerPoint, Excel, plain text).

Parsing is the slow part of indexing, so the text is kept in ``DocumentText`` and
reused while the stored file stays the same. Parsing itself happens in a bounded
child process (``extraction.py``): a file over a limit (size, zip ratio, pages,
time, memory) or that cannot be parsed gives no text, a stored status and a reason
the editor sees. It never stops indexing: the page is indexed without the text.
"""

import hashlib
import logging
import os
import tempfile
from contextlib import contextmanager

from django.utils import timezone

from .extraction import FORMATS, OK, REFUSED, Limits, Outcome, current_limits
from .extraction import extract_file as extract
from .models import DocumentText
from .text import plain

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000  # per document: enough for search, bounded for the index
CHUNK_BYTES = 1024 * 1024

__all__ = ["MAX_CHARS", "document_text", "extract"]


def document_text(document) -> str:
    """The cached text of ``document``, extracting it when the file changed."""
    if document is None:
        return ""
    source = _source(document)
    cached = _cached(document)
    limits = current_limits(MAX_CHARS)
    if cached is not None and cached.source == source and _valid(cached, limits):
        return cached.text
    extension = _extension(document)
    if extension not in FORMATS:
        return ""  # media files and formats we do not read: nothing to download
    try:
        with _spooled(document, limits) as (path, digest):
            if cached and cached.sha256 == digest and _valid(cached, limits):
                cached.source = source  # same bytes under a new name: no re-parse
                cached.save(update_fields=["source"])
                return cached.text
            outcome = extract(path, extension, limits)
    except FileTooLarge:
        digest, outcome = "", Outcome.refused("file_size", limits)
    except Exception as exc:  # storage down, file gone: try again next time
        logger.warning("Cannot read document %s: %s", document.pk, exc)
        return cached.text if cached is not None else ""
    if outcome.status != OK:
        logger.warning(
            "Text extraction failed (%s, document %s): %s",
            extension,
            document.pk,
            outcome.error,
        )
    text = _cap(plain(outcome.text))
    _store(document, source, digest, text, outcome, limits)
    return text


def _valid(cached: DocumentText, limits: Limits) -> bool:
    """A refusal stands only under the limits that made it."""
    return cached.status != REFUSED or cached.limits == limits.key()


class FileTooLarge(ValueError):
    pass


@contextmanager
def _spooled(document, limits: Limits):
    """The stored file copied to a temporary file, chunk by chunk (the worker
    never holds a whole file), with its SHA-256; FileTooLarge past the cap."""
    digest = hashlib.sha256()
    size = 0
    suffix = f".{_extension(document)}"
    with tempfile.NamedTemporaryFile(suffix=suffix) as spool:
        with document.file.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                size += len(chunk)
                if size > limits.max_file_bytes:
                    raise FileTooLarge(f"file larger than {limits.max_file_bytes}")
                digest.update(chunk)
                spool.write(chunk)
        spool.flush()
        yield spool.name, digest.hexdigest()


def _cap(text: str) -> str:
    return text[:MAX_CHARS]


def _cached(document) -> DocumentText | None:
    try:
        return document.search_text  # select_related by the indexing querysets
    except DocumentText.DoesNotExist:
        return None


def _source(document) -> str:
    return f"{document.file.name}|{getattr(document, 'file_hash', '')}"[:400]


def _extension(document) -> str:
    return os.path.splitext(document.file.name)[1].lstrip(".").lower()


def _store(document, source, digest, text, outcome: Outcome, limits: Limits) -> None:
    document.search_text = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "source": source,
            "sha256": digest,
            "text": text,
            "status": outcome.status,
            "reason": outcome.reason[:300],
            "error": outcome.error,
            "limits": limits.key() if outcome.status == REFUSED else "",
            "extracted_at": timezone.now(),
        },
    )[0]
