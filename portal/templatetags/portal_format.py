"""Formatting filters of the portal: dates in WIB, file sizes and types, JSON-LD."""

import json

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

# Readers of file types: the extension says little to most citizens.
_FILE_TYPES = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "odt": "OpenDocument",
    "xls": "Excel",
    "xlsx": "Excel",
    "ods": "OpenDocument",
    "ppt": "PowerPoint",
    "pptx": "PowerPoint",
    "csv": "CSV",
    "zip": "ZIP",
    "mp3": "MP3",
    "m4a": "M4A",
    "ogg": "OGG",
    "mp4": "MP4",
    "webm": "WebM",
}


_MONTH_NAMES: dict[str | None, dict[int, str]] = {}


def _month_names() -> dict[int, str]:
    """Django's month names in the active language, translated once per language
    (a search page shows ten dates)."""
    language = get_language()
    names = _MONTH_NAMES.get(language)
    if names is None:
        names = _MONTH_NAMES[language] = {n: str(name) for n, name in MONTHS.items()}
    return names


@register.filter
def tanggal(value, style=""):
    """``5 Maret 2025, 14.30 WIB`` (Asia/Jakarta); ``|tanggal:"pendek"`` drops the
    time. Month names follow the active language, the order stays Indonesian."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        with_time = style != "pendek"
    else:
        with_time = False
    text = f"{value.day} {_month_names()[value.month]} {value.year}"
    if with_time:
        text += f", {value.hour:02d}.{value.minute:02d} WIB"
    return text


@register.filter
def iso_wib(value):
    """ISO 8601 in WIB, for ``<time datetime>`` and JSON-LD."""
    if not value:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


@register.filter
def ukuran_berkas(num_bytes):
    """A human size with an Indonesian decimal comma: ``1,2 MB``."""
    if num_bytes in (None, ""):
        return ""
    size = float(num_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            break
        size /= 1024
    decimals = 0 if unit in ("B", "KB") or size >= 100 else 1
    # number_format truncates; round first so 1.19 MB reads "1,2 MB".
    return f"{number_format(round(size, decimals), decimals)} {unit}"


@register.filter
def jenis_berkas(document):
    """``PDF``, ``Excel``...: what a citizen needs to open the file."""
    extension = (getattr(document, "file_extension", "") or "").lower()
    if extension == "txt":
        return _("Teks")
    return _FILE_TYPES.get(extension, extension.upper())


@register.filter
def durasi(value):
    """A ``timedelta`` as ``4:05`` or ``1:02:03``."""
    if not value:
        return ""
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org block; ``<``, ``>`` and ``&`` are escaped so text from editors
    can never close the script element."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308 - JSON with <, > and & escaped above
    )
