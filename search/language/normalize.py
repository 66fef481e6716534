"""Normalisation of Indonesian text, the first step of the analysis and the form
editors' vocabulary terms and logged queries are stored under.

Pure text work: no vocabulary, no stemmer, no Django. ``search.language.analysis``
builds on it; models import it without pulling in the analysis.
"""

import html
import re
import unicodedata

_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_APOSTROPHE = re.compile(r"(?<=[a-z])['\u2019\u02bc`](?=[a-z])")  # jum'at -> jumat
# Patterns start with a literal so the regex engine can skip ahead quickly; the
# lookbehind comes after it for the same reason (analyze() runs on every document).
_THOUSANDS = re.compile(r"\.(?<=\d\.)(?=\d{3}(?!\d))")  # 1.500.000 -> 1500000
_RUPIAH = re.compile(r"rp(?=\d)(?<![0-9a-z]rp)")  # rp1500000 -> rp 1500000
_TOKEN = re.compile(r"[0-9a-z]+")
_HYPHENATED_TOKEN = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")
_CLITICS = frozenset({"nya", "ku", "mu", "lah", "kah", "pun"})


def _join_pair(first: str, second: str) -> list[str]:
    """Reduplication and clitics: anak-anak -> anak, sehari-hari -> sehari,
    anak-anaknya -> anaknya, sebaik-baiknya -> sebaiknya, e-ktp -> ektp. The stemmer
    then reduces the affixed form (sehari -> hari). Other pairs (bolak-balik,
    rsud-banten, covid-19) stay two words."""
    if not (first.isalpha() and second.isalpha()):
        return [first, second]
    if first == second:
        return [first]
    if second in _CLITICS or len(first) == 1:
        return [first + second]
    # Longest overlap of >= 3 letters: first ends with what second starts with.
    for size in range(min(len(first), len(second)), 2, -1):
        if first.endswith(second[:size]):
            return [first + second[size:]]
    return [first, second]


def _split_hyphenated(token: str) -> list[str]:
    parts = token.split("-")
    words = [parts[0]]
    for part in parts[1:]:
        words[-1:] = _join_pair(words[-1], part)
    return words


def normalize(text: str) -> str:
    """Lowercase, fold accents, drop HTML and punctuation: space-separated tokens.
    Numbers are kept (thousand separators removed); repeated words collapse."""
    text = text or ""
    if "<" in text:
        text = _TAGS.sub(" ", _SCRIPT_STYLE.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    text = text.lower()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    if "'" in text or "\u2019" in text or "\u02bc" in text or "`" in text:
        text = _APOSTROPHE.sub("", text)
    text = _RUPIAH.sub("rp ", _THOUSANDS.sub("", text))
    if "-" in text:
        tokens = []
        for token in _HYPHENATED_TOKEN.findall(text):
            if "-" in token:
                tokens.extend(_split_hyphenated(token))
            else:
                tokens.append(token)
    else:
        tokens = _TOKEN.findall(text)
    # "undang undang" typed without the hyphen is reduplication too.
    previous = [None, *tokens]
    return " ".join(t for t, p in zip(tokens, previous, strict=False) if t != p)
