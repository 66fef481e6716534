"""Text of attached documents (PDF, Word, PowerPoint, Excel, plain text).

Parsing is the slow part of indexing, so the text is kept in ``DocumentText`` and
reused while the stored file stays the same. A file that cannot be parsed (corrupt,
encrypted, unknown format) gives no text and a stored error: it never stops indexing.
"""

import hashlib
import io
import logging
import os

from django.utils import timezone

from .models import DocumentText
from .text import plain

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000  # per document: enough for search, bounded for the index
MAX_FILE_BYTES = 60 * 1024 * 1024  # above the upload limit: never read more


def document_text(document) -> str:
    """The cached text of ``document``, extracting it when the file changed."""
    if document is None:
        return ""
    source = _source(document)
    cached = _cached(document)
    if cached is not None and cached.source == source:
        return cached.text
    extension = _extension(document)
    if extension not in PARSERS:
        return ""  # media files and formats we do not read: nothing to download
    try:
        data = _read(document)
    except FileTooLarge as exc:
        _store(document, source, "", "", str(exc))
        return ""
    except Exception as exc:  # storage down, file gone: try again next time
        logger.warning("Cannot read document %s: %s", document.pk, exc)
        return cached.text if cached is not None else ""
    digest = hashlib.sha256(data).hexdigest()
    if cached is not None and cached.sha256 == digest:
        cached.source = source  # same bytes under a new name: no re-parse
        cached.save(update_fields=["source"])
        return cached.text
    text, error = extract(data, extension)
    _store(document, source, digest, text, error)
    return text


def extract(data: bytes, extension: str) -> tuple[str, str]:
    """(text, error) for the bytes of a file with this extension."""
    parser = PARSERS.get(extension)
    if parser is None:
        return "", ""  # media files and formats we do not read: nothing to say
    try:
        return _cap(plain(parser(io.BytesIO(data)))), ""
    except Exception as exc:
        logger.warning("Text extraction failed (%s): %s", extension, exc)
        return "", f"{type(exc).__name__}: {exc}"[:1000]


def _pdf(stream) -> str:
    from pypdf import PdfReader

    reader = PdfReader(stream)
    return _collect(page.extract_text() or "" for page in reader.pages)


def _docx(stream) -> str:
    import docx

    document = docx.Document(stream)
    paragraphs = (p.text for p in document.paragraphs)
    cells = (
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    )
    return _collect(_chain(paragraphs, cells))


def _pptx(stream) -> str:
    from pptx import Presentation

    slides = Presentation(stream).slides
    return _collect(
        shape.text_frame.text
        for slide in slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def _xlsx(stream) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(stream, read_only=True, data_only=True)
    try:
        return _collect(
            " ".join(str(value) for value in row if value is not None)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    finally:
        workbook.close()


def _text(stream) -> str:
    return stream.read(MAX_CHARS * 4).decode("utf-8", errors="replace")


PARSERS = {
    "pdf": _pdf,
    "docx": _docx,
    "pptx": _pptx,
    "xlsx": _xlsx,
    "txt": _text,
    "csv": _text,
}


def _collect(pieces) -> str:
    """Join pieces until the cap: a 2,000-page PDF stops being read at 200k chars."""
    out, size = [], 0
    for piece in pieces:
        out.append(piece)
        size += len(piece) + 1
        if size >= MAX_CHARS:
            break
    return "\n".join(out)


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


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


class FileTooLarge(ValueError):
    pass


def _read(document) -> bytes:
    with document.file.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge(f"file larger than {MAX_FILE_BYTES} bytes: not indexed")
    return data


def _store(document, source: str, digest: str, text: str, error: str) -> None:
    document.search_text = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "source": source,
            "sha256": digest,
            "text": text,
            "error": error,
            "extracted_at": timezone.now(),
        },
    )[0]
