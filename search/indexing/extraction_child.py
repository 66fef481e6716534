"""The child process that reads the text of one attached file, within limits.

Run as ``python -P extraction_child.py LIMITS_JSON EXTENSION PATH`` by
``extraction.py``, never imported by the application: it needs neither Django nor
any module of ours, so a hostile file costs this short-lived process its memory and
never the worker's. Before any parser sees a file the child caps its own address
space and CPU time, then checks what can be checked cheaply (a zip's central
directory, a PDF's page count).

It prints one JSON object: ``{"text": ...}``, ``{"refused": CODE}`` (a limit) or
``{"failed": CODE, "error": ...}`` (a file it cannot read). Being killed (memory,
time) is reported by the parent.
"""

import json
import logging
import resource
import sys
import warnings
import zipfile

ZIP_FORMATS = {"docx", "pptx", "xlsx"}
# Members smaller than this may compress at any ratio: a tiny XML part full of
# repeated markup is normal and costs nothing.
RATIO_FLOOR_BYTES = 1024 * 1024


class Refused(Exception):
    """A limit of ours, not a fault of the file."""


def main(argv) -> int:
    limits, extension, path = json.loads(argv[1]), argv[2], argv[3]
    _bound_self(limits)
    # A crafted file can make a parser warn on every object: the parent keeps
    # stderr in memory, so only a dying traceback may reach it.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    try:
        if extension in ZIP_FORMATS:
            _check_zip(path, limits)
        text = PARSERS[extension](path, limits)
        answer = {"text": text[: limits["max_chars"]]}
    except Refused as exc:
        answer = {"refused": str(exc)}
    except MemoryError:
        answer = {"refused": "memory", "error": "MemoryError"}
    except ImportError as exc:  # a deployment without the parser: not the file
        answer = {"failed": "unavailable", "error": f"ImportError: {exc}"}
    except RecursionError:
        answer = {"failed": "corrupt", "error": "RecursionError"}
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:1000]
        if _near_memory_cap(limits):  # C parsers report a failed malloc their way
            answer = {"refused": "memory", "error": error}
        else:
            code = "encrypted" if "encrypt" in str(exc).lower() else "corrupt"
            answer = {"failed": code, "error": error}
    sys.stdout.write(json.dumps(answer))
    return 0


def _bound_self(limits) -> None:
    memory = limits["memory_bytes"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits["timeout_seconds"]) + 2  # backstop: the parent kills on time
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _near_memory_cap(limits) -> bool:
    """Whether this process came close to its address-space cap: lxml turns an
    allocation it could not make into a syntax error, so the peak tells."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    peak = int(line.split()[1]) * 1024
                    return peak > limits["memory_bytes"] * 0.5
    except (OSError, ValueError):
        pass
    return False


def _check_zip(path, limits) -> None:
    """Refuse from the central directory alone: its sizes are what ``zipfile``
    will produce (it stops a member at its declared size), so nothing is inflated
    before the totals are known."""
    with open(path, "rb") as handle:
        end = zipfile._EndRecData(handle)  # the entry count, before reading entries
    if end is None:
        raise zipfile.BadZipFile("not a zip file")
    if end[zipfile._ECD_ENTRIES_TOTAL] > limits["max_members"]:
        raise Refused("members")
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    if len(members) > limits["max_members"]:
        raise Refused("members")
    if sum(member.file_size for member in members) > limits["max_uncompressed_bytes"]:
        raise Refused("uncompressed")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR_BYTES and ratio > limits["max_ratio"]:
            raise Refused("ratio")


def _pdf(path, limits) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("encrypted PDF")
    if len(reader.pages) > limits["max_pdf_pages"]:
        raise Refused("pages")
    return _collect((page.extract_text() or "" for page in reader.pages), limits)


def _docx(path, limits) -> str:
    import docx

    document = docx.Document(path)
    paragraphs = (p.text for p in document.paragraphs)
    cells = (
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    )
    return _collect(_chain(paragraphs, cells), limits)


def _pptx(path, limits) -> str:
    from pptx import Presentation

    slides = Presentation(path).slides
    return _collect(
        (
            shape.text_frame.text
            for slide in slides
            for shape in slide.shapes
            if shape.has_text_frame
        ),
        limits,
    )


def _xlsx(path, limits) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return _collect(
            (
                " ".join(str(value) for value in row if value is not None)
                for sheet in workbook.worksheets
                for row in sheet.iter_rows(values_only=True)
            ),
            limits,
        )
    finally:
        workbook.close()


PARSERS = {"pdf": _pdf, "docx": _docx, "pptx": _pptx, "xlsx": _xlsx}


def _collect(pieces, limits) -> str:
    """Join pieces until the cap: a long PDF stops being read at the cap."""
    out, size = [], 0
    for piece in pieces:
        out.append(piece)
        size += len(piece) + 1
        if size >= limits["max_chars"]:
            break
    return "\n".join(out)


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


if __name__ == "__main__":
    sys.exit(main(sys.argv))
