"""Public search parameters: parsed and validated from a query string, once.

Shared by the API and the portal, so both reject the same input with the same
messages. Errors are collected per parameter (``InvalidParams.errors``) so a client
learns every bad parameter at once; values the citizen typed are never echoed back.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {
    "rilis": _("Rilis berita"),
    "artikel": _("Artikel"),
    "pengumuman": _("Pengumuman/agenda"),
    "infografis": _("Infografis"),
    "video": _("Video pendek"),
    "podcast": _("Siniar"),
    "dokumen": _("Dokumen/publikasi"),
    "tindak-lanjut": _("Tindak lanjut aduan"),
    "seri": _("Seri"),
    "opd": _("OPD"),
    "dip": _("Daftar informasi publik"),
}
# "dikecualikan" is deliberately absent: exempted information is never searchable.
KATEGORI_LABELS = {
    "berkala": _("Berkala"),
    "serta_merta": _("Serta merta"),
    "setiap_saat": _("Tersedia setiap saat"),
}
_RESOLVED_LABELS: dict[str | None, dict[str, dict[str, str]]] = {}


def facet_labels() -> dict[str, dict[str, str]]:
    """The facet labels in the active language, as plain strings: translated once
    per language and process (a search lists a few dozen facet rows; translating
    each lazy label again was a tenth of the API's own time per search)."""
    language = get_language()
    labels = _RESOLVED_LABELS.get(language)
    if labels is None:
        labels = _RESOLVED_LABELS[language] = {
            "type": {code: str(label) for code, label in TYPE_LABELS.items()},
            "kategori": {code: str(label) for code, label in KATEGORI_LABELS.items()},
        }
    return labels


FILTER_NAMES = ("opd", "type", "kategori", "year", "series")
MAX_QUERY_LENGTH = 200
MAX_PAGE = 100
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_VALUES = 20
YEAR_MIN, YEAR_MAX = 1945, 2100

_SLUG = re.compile(r"^[-\w]{1,100}$")  # Wagtail allows Unicode slugs
_DIGITS = re.compile(r"^[0-9]{1,6}$")  # ASCII only: int() would accept "٢٠٢٤"


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    opd: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    kategori: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    series: tuple[str, ...] = ()
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def filters(self) -> dict[str, tuple]:
        """The filters in use, by parameter name (several values of one = OR)."""
        return {
            name: getattr(self, name) for name in FILTER_NAMES if getattr(self, name)
        }

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class InvalidParams(ValueError):
    errors: dict[str, list[str]] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(sorted(self.errors))


def clean_query(text: str) -> str:
    """Control and format characters out (NUL breaks PostgreSQL), spaces collapsed."""
    kept = (
        " " if unicodedata.category(c).startswith(("C", "Z")) else c for c in text or ""
    )
    return " ".join("".join(kept).split())


def parse_search_params(query) -> SearchParams:
    """``query`` is a Django ``QueryDict`` (anything with ``getlist``)."""
    errors: dict[str, list[str]] = {}
    values = {
        "q": _query(query, errors),
        "opd": _slugs(query, "opd", errors),
        "type": _codes(query, "type", TYPE_LABELS, _("Jenis tidak dikenal."), errors),
        "kategori": _codes(
            query, "kategori", KATEGORI_LABELS, _("Kategori tidak dikenal."), errors
        ),
        "year": _years(query, errors),
        "series": _slugs(query, "series", errors),
        "page": _int(query, "page", 1, MAX_PAGE, 1, errors),
        "page_size": _int(
            query, "page_size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors
        ),
    }
    if errors:
        raise InvalidParams(errors)
    return SearchParams(**values)


def parse_suggest_query(query) -> str:
    errors: dict[str, list[str]] = {}
    q = _query(query, errors)
    if errors:
        raise InvalidParams(errors)
    return q


def _single(query, name: str, errors) -> str | None:
    given = query.getlist(name)
    if len(given) > 1:
        errors.setdefault(name, []).append(
            str(_("Parameter ini hanya boleh diberikan satu kali."))
        )
        return None
    return given[0] if given else None


def _query(query, errors) -> str:
    q = clean_query(_single(query, "q", errors) or "")
    if len(q) > MAX_QUERY_LENGTH:
        errors.setdefault("q", []).append(
            str(_("Kata kunci paling panjang %(max)d karakter."))
            % {"max": MAX_QUERY_LENGTH}
        )
        return ""
    return q


def _list(query, name: str, errors) -> list[str]:
    """Repeated parameters and comma-separated values both mean OR."""
    items = []
    for raw in query.getlist(name):
        items.extend(v.strip() for v in raw.split(","))
    items = list(dict.fromkeys(v for v in items if v))
    if len(items) > MAX_VALUES:
        errors.setdefault(name, []).append(
            str(_("Paling banyak %(max)d nilai.")) % {"max": MAX_VALUES}
        )
        return []
    return items


def _slugs(query, name: str, errors) -> tuple[str, ...]:
    items = _list(query, name, errors)
    if any(not _SLUG.match(v) for v in items):
        errors.setdefault(name, []).append(str(_("Slug tidak sah.")))
        return ()
    return tuple(v.lower() for v in items)


def _codes(query, name, known, message, errors) -> tuple[str, ...]:
    items = [v.lower() for v in _list(query, name, errors)]
    if any(v not in known for v in items):
        errors.setdefault(name, []).append(
            f"{message} "
            + str(_("Pilihan: %(choices)s.")) % {"choices": ", ".join(known)}
        )
        return ()
    return tuple(items)


def _years(query, errors) -> tuple[int, ...]:
    items = _list(query, "year", errors)
    years = [int(v) for v in items if _DIGITS.match(v)]
    if len(years) != len(items) or any(not YEAR_MIN <= y <= YEAR_MAX for y in years):
        errors.setdefault("year", []).append(
            str(_("Tahun harus bilangan bulat antara %(min)d dan %(max)d."))
            % {"min": YEAR_MIN, "max": YEAR_MAX}
        )
        return ()
    return tuple(years)


def _int(query, name, low, high, default, errors) -> int:
    raw = _single(query, name, errors)
    if raw is None or raw == "":
        return default
    if not _DIGITS.match(raw.strip()) or not low <= int(raw) <= high:
        errors.setdefault(name, []).append(
            str(_("Harus bilangan bulat antara %(min)d dan %(max)d."))
            % {"min": low, "max": high}
        )
        return default
    return int(raw)
