"""Reading the text of an attached file in a bounded child process.

A 357 KB .docx can hold 100 MB of XML that takes a parser over a gigabyte; parsed
inside a worker, the worker keeps that memory. So every PDF and Office file is read
by a fresh Python process (``extraction_child.py``) with its address space and CPU
time capped and a wall-clock timeout, killed when over: its memory goes back to the
system when it exits, whatever the file did. Before parsing, the child refuses a
zip whose central directory declares too much (members, total size, ratio) and a
PDF with too many pages. Plain text never needs a parser: it is read in place, only
as far as the text cap.

Each outcome carries a status and, unless all went well, a reason in Indonesian
for the editor (shown on the document's edit screen) and a technical error for
the log. Limits come from settings (``SEARCH_EXTRACTION_*``, see cms/settings).
"""

import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

CHILD = Path(__file__).with_name("extraction_child.py")
CHILD_FORMATS = {"pdf", "docx", "pptx", "xlsx"}
TEXT_FORMATS = {"txt", "csv"}
FORMATS = CHILD_FORMATS | TEXT_FORMATS

OK, REFUSED, FAILED = "ok", "refused", "failed"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_uncompressed_bytes: int
    max_ratio: float
    max_members: int
    max_pdf_pages: int
    timeout_seconds: float
    memory_bytes: int
    max_chars: int

    def key(self) -> str:
        """Stored with a refusal: raising a limit lets the file be read again."""
        values = asdict(self)
        values.pop("max_chars")
        encoded = json.dumps(values, sort_keys=True).encode()
        return hashlib.sha256(encoded).hexdigest()[:32]


def current_limits(max_chars: int) -> Limits:
    return Limits(
        max_file_bytes=int(settings.SEARCH_EXTRACTION_MAX_FILE_MB * MB),
        max_uncompressed_bytes=int(settings.SEARCH_EXTRACTION_MAX_UNCOMPRESSED_MB * MB),
        max_ratio=float(settings.SEARCH_EXTRACTION_MAX_RATIO),
        max_members=int(settings.SEARCH_EXTRACTION_MAX_MEMBERS),
        max_pdf_pages=int(settings.SEARCH_EXTRACTION_MAX_PDF_PAGES),
        timeout_seconds=float(settings.SEARCH_EXTRACTION_TIMEOUT_SECONDS),
        memory_bytes=int(settings.SEARCH_EXTRACTION_MEMORY_MB * MB),
        max_chars=max_chars,
    )


@dataclass(frozen=True)
class Outcome:
    text: str = ""
    status: str = OK
    reason: str = ""  # for the editor, in Indonesian
    error: str = ""  # for the log and the curious

    @classmethod
    def refused(cls, code: str, limits: Limits, error: str = "") -> "Outcome":
        return cls(status=REFUSED, reason=reason(code, limits), error=error or code)

    @classmethod
    def failed(cls, code: str, limits: Limits, error: str) -> "Outcome":
        return cls(status=FAILED, reason=reason(code, limits), error=error[:1000])


def extract_file(path: str, extension: str, limits: Limits) -> Outcome:
    """The text of the file at ``path``, read within ``limits``."""
    if extension in TEXT_FORMATS:
        with open(path, "rb") as handle:  # the cap in UTF-8 bytes, no more
            data = handle.read(limits.max_chars * 4)
        return Outcome(text=data.decode("utf-8", errors="replace"))
    if extension not in CHILD_FORMATS:
        return Outcome()
    return _run_child(path, extension, limits)


def _run_child(path: str, extension: str, limits: Limits) -> Outcome:
    # -P: this folder's modules must not shadow any the parsers import.
    command = [sys.executable, "-P", str(CHILD), json.dumps(asdict(limits))]
    try:
        done = subprocess.run(  # noqa: S603 (our script, our interpreter; no shell)
            [*command, extension, path],
            capture_output=True,
            timeout=limits.timeout_seconds,
            check=False,
            env=_child_environment(),
        )
    except subprocess.TimeoutExpired:  # run() has killed and reaped the child
        return Outcome.refused("timeout", limits)
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        return _died(done, limits)
    if "text" in answer:
        return Outcome(text=str(answer["text"]))
    if "refused" in answer:
        error = str(answer.get("error", ""))
        return Outcome.refused(str(answer["refused"]), limits, error)
    code = str(answer.get("failed", "corrupt"))
    return Outcome.failed(code, limits, str(answer.get("error", "")))


def _child_environment() -> dict[str, str]:
    """What Python needs to find its packages; no credentials for a parser that
    a crafted file might subvert."""
    names = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "TMPDIR")
    return {name: os.environ[name] for name in names if name in os.environ}


def _died(done: subprocess.CompletedProcess, limits: Limits) -> Outcome:
    """The child ended without an answer: a signal (the CPU cap, or the kernel
    when the address-space cap hit inside a C library) or a crash on the way."""
    stderr = done.stderr.decode("utf-8", errors="replace")[-500:]
    error = f"extraction child exited with {done.returncode}: {stderr}".strip()
    logger.warning("Text extraction child died: %s", error)
    if done.returncode == -signal.SIGXCPU:  # the CPU-time backstop
        return Outcome.refused("timeout", limits, error)
    return Outcome.refused("memory", limits, error)


def reason(code: str, limits: Limits) -> str:
    """Why a file's text is not in the index, for the editor."""
    prefix = _("Teks dokumen tidak diindeks")
    detail = {
        "file_size": _("berkas lebih besar dari %(mb)s MB")
        % {"mb": _mb(limits.max_file_bytes)},
        "uncompressed": _("ukuran isi melebihi %(mb)s MB")
        % {"mb": _mb(limits.max_uncompressed_bytes)},
        "ratio": _("rasio kompresi melebihi %(ratio)s:1 (dicurigai bom zip)")
        % {"ratio": f"{limits.max_ratio:g}"},
        "members": _("berkas berisi lebih dari %(count)s bagian")
        % {"count": limits.max_members},
        "pages": _("PDF lebih dari %(pages)s halaman")
        % {"pages": limits.max_pdf_pages},
        "timeout": _("pembacaan teks melebihi %(seconds)s detik")
        % {"seconds": f"{limits.timeout_seconds:g}"},
        "memory": _("pembacaan teks melebihi batas memori %(mb)s MB")
        % {"mb": _mb(limits.memory_bytes)},
        "encrypted": _("berkas terkunci kata sandi"),
        "unavailable": _("pembaca format ini tidak terpasang di server"),
    }.get(code, _("berkas rusak atau formatnya tidak dapat dibaca"))
    return f"{prefix}: {detail}"


def _mb(size: int) -> str:
    return f"{size / MB:g}"
