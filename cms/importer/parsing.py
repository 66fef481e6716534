"""JSON Lines -> validated import records. Pure: no database access.

Everything that can be checked from the line alone is checked here, so a bad line is
reported before any write and a batch never fails on predictable input. What needs
the database (does the OPD exist? does the page type match an earlier import?) is
checked in ``services``.
"""

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from cms.content.models import CONTENT_TYPES, IMPORTABLE_TYPES
from cms.dip.models import Bentuk, Kategori

logger = logging.getLogger(__name__)

# Bump when the mapping from record to page changes, so every record is re-applied.
# 2: an infographic's, video's or podcast's text is no longer repeated in the body.
FORMAT_VERSION = 2

DIP_TYPE = "dip"
TYPES = (*IMPORTABLE_TYPES, DIP_TYPE)
STATUSES = ("published", "draft")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Column limits of the target models: checked here so the database never rejects
# a record in the middle of a batch.
MAX_SOURCE_URL = 1000
MAX_TITLE = 255
MAX_SUMMARY = 500
MAX_TAG = 100
MAX_DIP_TEXT = {"pejabat_penguasa": 300, "penanggung_jawab": 300, "retensi": 100}
MIN_YEAR, MAX_YEAR = 1945, 2100
# Wide enough for any archive, narrow enough that converting to UTC or WIB (and date
# arithmetic downstream) can never overflow Python's years 1..9999.
MIN_PUBLISHED_YEAR, MAX_PUBLISHED_YEAR = 1900, 2100


@dataclass(frozen=True)
class DIPFields:
    kategori: str
    ringkasan: str = ""
    pejabat_penguasa: str = ""
    penanggung_jawab: str = ""
    bentuk: str = Bentuk.ELEKTRONIK.value
    retensi: str = ""
    tahun: int | None = None
    dasar_hukum: str = ""


@dataclass(frozen=True)
class ImportRecord:
    line_no: int
    source_url: str
    opd: str
    type: str
    title: str
    published: datetime
    body_html: str
    checksum: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    series: str | None = None
    series_title: str = ""  # used only when the series has to be created
    status: str = "published"
    dip: DIPFields | None = None

    @property
    def is_published(self) -> bool:
        return self.status == "published"


@dataclass(frozen=True)
class BadLine:
    line_no: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line_no}: {self.reason}"


class RecordError(ValueError):
    """A line that cannot be imported; the message is the reason shown to the user."""


def parse_lines(lines: Iterable[str | bytes]) -> Iterator[ImportRecord | BadLine]:
    """One result per non-blank line, numbered from 1 like an editor does."""
    for line_no, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield BadLine(line_no, "not valid UTF-8")
                continue
        if line_no == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark from some editors
        if line.strip():
            yield parse_line(line_no, line)


def parse_line(line_no: int, line: str) -> ImportRecord | BadLine:
    try:
        return _parse(line_no, line)
    except RecordError as exc:
        return BadLine(line_no, str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must cost one line, not the file
        logger.error("Parsing line %d failed unexpectedly", line_no, exc_info=exc)
        return BadLine(line_no, f"unexpected error ({type(exc).__name__}: {exc})")


def record_checksum(data: dict) -> str:
    canonical = json.dumps(
        [FORMAT_VERSION, data],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _parse(line_no: int, line: str) -> ImportRecord:
    try:
        data = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RecordError("invalid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise RecordError("expected a JSON object")

    source_url = _text(data, "source_url", required=True, limit=MAX_SOURCE_URL)
    type_ = _text(data, "type", required=True)
    if type_ in CONTENT_TYPES and type_ not in TYPES:
        # e.g. tindak-lanjut: only the complaints verification team publishes one.
        raise RecordError(f"type '{type_}' cannot be imported")
    if type_ not in TYPES:
        raise RecordError(
            f"unknown type '{type_}' (expected one of: {', '.join(TYPES)})"
        )
    opd = _text(data, "opd", required=True)
    if not SLUG_RE.match(opd):
        raise RecordError(f"unknown OPD '{opd}'")
    title = _text(data, "title", required=True, limit=MAX_TITLE)
    published = _published(data.get("published"))
    series = _text(data, "series") or None
    if series is not None and not SLUG_RE.match(series):
        raise RecordError(f"invalid series slug '{series}'")
    tags = _tags(data.get("tags"))
    if type_ == DIP_TYPE and (series or tags):
        raise RecordError("a dip entry has no tags and joins no series")
    status = _text(data, "status") or "published"
    if status not in STATUSES:
        raise RecordError(f"unknown status '{status}' (expected published or draft)")
    summary = _text(data, "summary", limit=MAX_SUMMARY)

    return ImportRecord(
        line_no=line_no,
        source_url=source_url,
        opd=opd,
        type=type_,
        title=title,
        published=published,
        # DIP entries carry their substance in ``dip``; the body is only a remark.
        body_html=_text(data, "body_html", required=type_ != DIP_TYPE, strip=False),
        checksum=record_checksum(data),
        summary=summary,
        tags=tags,
        series=series,
        series_title=_text(data, "series_title", limit=MAX_TITLE),
        status=status,
        dip=_dip(data.get("dip"), type_, summary),
    )


def _text(data, key, *, required=False, limit=None, strip=True, prefix="") -> str:
    name = prefix + key
    value = data.get(key)
    if value is None:
        if required:
            raise RecordError(f"missing {name}")
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{name} must be a string")
    if "\x00" in value:
        raise RecordError(f"{name} contains a NUL character")  # PostgreSQL refuses it
    if strip:
        value = value.strip()
    if required and not value.strip():
        raise RecordError(f"missing {name}")
    if limit is not None and len(value) > limit:
        raise RecordError(f"{name} is longer than {limit} characters")
    return value


def _published(value) -> datetime:
    if value is None or value == "":
        raise RecordError("missing published")
    if not isinstance(value, str):
        raise RecordError("published must be an ISO 8601 string")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"invalid published date '{value}'") from None
    if moment.utcoffset() is None:
        # A naive time is ambiguous (WIB? UTC?): refuse rather than guess.
        raise RecordError(f"published '{value}' has no UTC offset (e.g. +07:00)")
    if not MIN_PUBLISHED_YEAR <= moment.year <= MAX_PUBLISHED_YEAR:
        raise RecordError(
            f"published '{value}' is out of range "
            f"(years {MIN_PUBLISHED_YEAR} to {MAX_PUBLISHED_YEAR})"
        )
    return moment


def _tags(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise RecordError("tags must be a list of strings")
    tags: dict[str, str] = {}  # case-insensitive de-duplication, first spelling wins
    for tag in value:
        tag = " ".join(tag.replace("\x00", "").split())
        if len(tag) > MAX_TAG:
            raise RecordError(
                f"tag '{tag[:20]}...' is longer than {MAX_TAG} characters"
            )
        if tag:
            tags.setdefault(tag.lower(), tag)
    return tuple(tags.values())


def _dip(value, type_: str, summary: str) -> DIPFields | None:
    if type_ != DIP_TYPE:
        if value is not None:
            raise RecordError(f"dip is only allowed for type '{DIP_TYPE}'")
        return None
    if not isinstance(value, dict):
        raise RecordError("missing dip object for type 'dip'")
    kategori = _text(value, "kategori", required=True, prefix="dip.")
    if kategori not in Kategori.values:
        raise RecordError(
            f"unknown dip.kategori '{kategori}' "
            f"(expected one of: {', '.join(Kategori.values)})"
        )
    bentuk = _text(value, "bentuk", prefix="dip.") or Bentuk.ELEKTRONIK.value
    if bentuk not in Bentuk.values:
        raise RecordError(
            f"unknown dip.bentuk '{bentuk}' "
            f"(expected one of: {', '.join(Bentuk.values)})"
        )
    texts = {
        key: _text(value, key, limit=MAX_DIP_TEXT.get(key), prefix="dip.")
        for key in ("ringkasan", "pejabat_penguasa", "penanggung_jawab", "retensi")
    }
    texts["ringkasan"] = texts["ringkasan"] or summary  # the entry's only summary
    dasar_hukum = _text(value, "dasar_hukum", prefix="dip.")
    if kategori == Kategori.DIKECUALIKAN and not dasar_hukum:
        # Mirrors DIPEntryPage.clean(): an exemption must name its legal basis.
        raise RecordError("dip.dasar_hukum is required when kategori is dikecualikan")
    return DIPFields(
        kategori=kategori,
        bentuk=bentuk,
        tahun=_year(value.get("tahun")),
        dasar_hukum=dasar_hukum,
        **texts,
    )


def _year(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError("dip.tahun must be a year such as 2026")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise RecordError(f"dip.tahun {value} is not a plausible year")
    return value
