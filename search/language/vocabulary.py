"""What the search vocabulary is made of (data files, the OPD reference file, entries
of the editors' ``SearchTerm`` snippet), the version that tells processes it changed,
and how a query's matches become alternatives.

This module reads data and works on already analysed tokens; ``analysis`` compiles
the vocabulary (that needs the stemmer) and is the public entry point; ``sources``
chooses where the entries come from. It imports neither, nor the model, so the
model can use ``Entry`` and ``vocabulary_changed`` without an import cycle.

Several processes (gunicorn workers, Celery workers) each hold a compiled copy. An
edit bumps a version number in Django's cache; every process compares it with its
own at most every ``SEARCH_VOCABULARY_CHECK_SECONDS`` (default 2) and reloads.
"""

import itertools
import json
import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCABULARY_FILE = DATA_DIR / "vocabulary_id.json"
STOPWORDS_FILE = DATA_DIR / "stopwords_id.txt"
PROTECTED_FILE = DATA_DIR / "protected_id.txt"
STEM_DICTIONARY_FILE = DATA_DIR / "stem_dictionary_id.txt"
OPD_FILE = Path(__file__).resolve().parents[2] / "cms" / "opd" / "data" / "opds.json"

MAX_EXPANSIONS = 5  # full alternative queries returned by analyze_query
MAX_ALTERNATIVES_PER_TERM = 5
MAX_EXPANDED_TERMS = 4  # vocabulary matches combined in one query
VERSION_CACHE_KEY = "public_search:vocabulary:version"
DEFAULT_CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class Entry:
    """One vocabulary entry. ``expansions`` are equivalents of ``term`` (each one
    also leads back to the term and to the other equivalents); ``one_way`` phrases
    are added only when the term itself is searched (narrower terms)."""

    term: str
    expansions: tuple[str, ...] = ()
    one_way: tuple[str, ...] = ()
    protect: bool = False


def split_lines(text: str | Iterable[str]) -> tuple[str, ...]:
    """One phrase per line (or an iterable of phrases): stripped, blanks dropped."""
    lines = text.splitlines() if isinstance(text, str) else text
    return tuple(line.strip() for line in lines if line and line.strip())


def _word_lines(path: Path) -> list[str]:
    """Lines of a word-list file without comments ("#") and blanks."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


@cache
def stop_words() -> frozenset[str]:
    return frozenset(_word_lines(STOPWORDS_FILE))


@cache
def static_protected() -> frozenset[str]:
    return frozenset(_word_lines(PROTECTED_FILE))


@cache
def stem_dictionary_changes() -> tuple[frozenset[str], frozenset[str]]:
    """(roots to add, roots to remove) for Sastrawi's dictionary."""
    lines = _word_lines(STEM_DICTIONARY_FILE)
    added = frozenset(w[1:].strip() for w in lines if w.startswith("+"))
    removed = frozenset(w[1:].strip() for w in lines if w.startswith("-"))
    return added, removed


@cache
def opd_names() -> tuple[tuple[str, str, str], ...]:
    """(slug, short name, full name) of every OPD in the reference file."""
    data = json.loads(OPD_FILE.read_text(encoding="utf-8"))
    return tuple((o["slug"], o["short_name"], o["name"]) for o in data["opds"])


def read_vocabulary_file(path: Path = VOCABULARY_FILE) -> list[dict]:
    """The raw rows of a vocabulary file (also what load_search_vocabulary loads)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["terms"]


def entry_from_row(row: dict) -> Entry:
    return Entry(
        term=row["term"],
        expansions=split_lines(row.get("expansions") or ()),
        one_way=split_lines(row.get("one_way_expansions") or ()),
        protect=bool(row.get("protect_from_stemming")),
    )


@cache
def static_entries() -> tuple[Entry, ...]:
    return tuple(entry_from_row(row) for row in read_vocabulary_file())


def bump_version() -> None:
    """Tell every process that the vocabulary changed. Never raises: a cache outage
    must not break saving a snippet (processes then see the edit after a restart)."""
    from django.core.cache import cache as django_cache

    try:
        try:
            django_cache.incr(VERSION_CACHE_KEY)
        except ValueError:
            # Missing key (first edit, eviction): a fresh value no process has seen.
            django_cache.set(VERSION_CACHE_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.warning("Could not bump the search vocabulary version", exc_info=True)


_generation = 0  # edits committed by this process, so it reloads without waiting
_generation_lock = threading.Lock()


def vocabulary_changed() -> None:
    """After a committed edit: reload here at once, and tell the other processes."""
    global _generation
    bump_version()
    with _generation_lock:
        _generation += 1


def local_generation() -> int:
    """Changes to the vocabulary committed by this process so far (the compiled
    vocabulary in ``search.language.analysis`` is rebuilt when this moves)."""
    return _generation


# --- Query-time expansion (pure functions on analysed tokens) ---------------------


def find_matches(tokens: list[str], synonyms: dict, max_phrase_tokens: int):
    """Vocabulary phrases in an analysed query, greedy longest match from the left:
    [(start, end, alternatives)]. Keys and tokens are both analysed, so stop words
    and affixes do not get in the way ("pejabat pengelola informasi dokumentasi")."""
    matches, i = [], 0
    while i < len(tokens) and len(matches) < MAX_EXPANDED_TERMS:
        for size in range(min(max_phrase_tokens, len(tokens) - i), 0, -1):
            alternatives = synonyms.get(tuple(tokens[i : i + size]))
            if alternatives:
                matches.append((i, i + size, alternatives[:MAX_ALTERNATIVES_PER_TERM]))
                i += size
                break
        else:
            i += 1
    return matches


def _alternative(tokens, matches, choice) -> str:
    parts, position = [], 0
    for (start, end, alternatives), picked in zip(matches, choice, strict=True):
        parts.extend(tokens[position:start])
        parts.append(
            alternatives[picked - 1] if picked else " ".join(tokens[start:end])
        )
        position = end
    parts.extend(tokens[position:])
    return " ".join(parts)


def alternative_queries(tokens: list[str], matches) -> list[str]:
    """Single replacements first (in query order, best synonym first); with two or
    more matches the last slot goes to "every match replaced by its first synonym",
    so an AND query still finds documents that use the long forms throughout."""
    if not matches:
        return []
    choices = itertools.product(*(range(len(m[2]) + 1) for m in matches))
    ranked = sorted(
        (c for c in choices if any(c)),
        key=lambda c: (sum(1 for p in c if p), sum(c), [-p for p in c]),
    )
    if len(matches) > 1:
        all_first = tuple(1 for _ in matches)
        ranked = [c for c in ranked if c != all_first]
        ranked.insert(MAX_EXPANSIONS - 1, all_first)
    original, out = " ".join(tokens), []
    for choice in ranked:
        text = _alternative(tokens, matches, choice)
        if text != original and text not in out:
            out.append(text)
        if len(out) == MAX_EXPANSIONS:
            break
    return out
