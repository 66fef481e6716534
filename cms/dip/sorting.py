"""The natural order of DIP titles, stored with each entry (``title_sort_key``).

Titles sorted as plain strings put "triwulan 12" before "triwulan 2". The key
casefolds the title and writes every run of digits as its length (two digits) then
the digits without leading zeros, so 2 < 12 < 100 at any size and "Tahun 2023"
comes before "Tahun 2024" by value, not by accident. It is plain text, so any
database orders and indexes it the same way (no locale collation, no function in
the query); pages of the DIP read it from an index at constant cost.

Roman numerals ("Triwulan III") stay text: they sort as letters.
"""

import re
import unicodedata

MAX_LENGTH = 255
_DIGITS = re.compile(r"[0-9]+")  # ASCII digits only (NFKC maps full-width ones)
_SPACES = re.compile(r"\s+")
_MAX_RUN = 99  # the two-digit length prefix


def _number(match: re.Match) -> str:
    digits = match.group().lstrip("0") or "0"
    digits = digits[:_MAX_RUN]  # a 100-digit run is not a number anyone reads
    return f"{len(digits):02d}{digits}"


def natural_sort_key(title: str) -> str:
    """``"Laporan Triwulan 2"`` -> ``"laporan triwulan 012"``."""
    text = unicodedata.normalize("NFKC", title or "").casefold()
    text = _SPACES.sub(" ", text).strip()
    return _DIGITS.sub(_number, text)[:MAX_LENGTH]
