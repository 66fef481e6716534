"""Indonesian text analysis, done in Python on both the indexing and the query side.

The index stores, next to each raw text field, an ``*_stem`` field holding
``analyze(text)``; queries run ``analyze_query(q)``. Elasticsearch only needs its
core ``standard`` analyzer (see docs/adr/002 and docs/adr/004).

Pipeline: ``normalize`` (HTML, accents, case, punctuation, reduplication) -> drop
stop words -> keep protected terms (names, abbreviations, OPDs, tokens with digits)
-> split derived written-together compounds into their words (``compounds.py``)
-> Sastrawi stemming, cached per token. Synonyms are expanded at query time only, so
editing the vocabulary needs no reindex; changing what is *protected* does.
"""

import logging
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache

from . import vocabulary as vocab
from .compounds import compound_parts
from .normalize import normalize
from .sources import get_source

logger = logging.getLogger(__name__)

MAX_EXPANSIONS = vocab.MAX_EXPANSIONS


# --- Stemming ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _sastrawi():
    """Built once per process (reads ~30,000 roots). Our dictionary changes from
    search/language/data/stem_dictionary_id.txt are applied here."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    added, removed = vocab.stem_dictionary_changes()
    words = set(StemmerFactory().get_words()) - removed | added
    return Stemmer(ArrayDictionary(sorted(words)))


@lru_cache(maxsize=1 << 17)
def stem_token(token: str) -> str:
    """Sastrawi on one normalised token, without any protection. Sastrawi costs
    ~0.1-1 ms per call; the cache makes a reindex pay that once per distinct word."""
    return _sastrawi().stem_word(token)


# --- Compiled vocabulary -------------------------------------------------------------


@dataclass(frozen=True)
class CompiledVocabulary:
    stop_words: frozenset[str]
    protected: frozenset[str]
    # analysed phrase (tuple of tokens) -> analysed alternative phrases, best first
    synonyms: dict[tuple[str, ...], tuple[str, ...]]
    max_phrase_tokens: int


def _tokens(text: str, stop: frozenset[str], protected: frozenset[str]) -> list[str]:
    out = []
    for token in normalize(text).split():
        if token in protected:
            out.append(token)
        elif token in stop:
            continue
        elif parts := compound_parts(token):  # pertanggungjawaban: tanggung jawab
            out.extend(_tokens(" ".join(parts), stop, protected))
        elif len(token) <= 3 or not token.isalpha():  # short words, numbers, codes
            out.append(token)
        else:
            out.append(stem_token(token))
    return out


def opd_protected() -> frozenset[str]:
    """One-word OPD slugs and short names (diskominfo, dinkes, satpolpp, setwan)."""
    words = set()
    for slug, short_name, _name in vocab.opd_names():
        for text in (slug, short_name):
            tokens = normalize(text).split()
            if len(tokens) == 1:
                words.add(tokens[0])
    return frozenset(words)


def compile_vocabulary(entries) -> CompiledVocabulary:
    stop = vocab.stop_words()
    protected = set(vocab.static_protected()) | opd_protected()
    # The starter file's protections always apply, even once editors' rows replace
    # its synonyms: what is protected shapes the index and must not flip silently.
    for entry in [*vocab.static_entries(), *entries]:
        if entry.protect:
            protected.update(normalize(entry.term).split())
    protected = frozenset(protected)

    synonyms: dict[tuple[str, ...], list[str]] = {}

    def link(key_text: str, phrases) -> None:
        key = tuple(_tokens(key_text, stop, protected))
        if not key:
            return
        alternatives = synonyms.setdefault(key, [])
        for phrase in phrases:
            analysed = " ".join(_tokens(phrase, stop, protected))
            if analysed and analysed != " ".join(key) and analysed not in alternatives:
                alternatives.append(analysed)

    for entry in entries:
        equivalents = [entry.term, *entry.expansions]
        link(entry.term, [*entry.expansions, *entry.one_way])
        for phrase in entry.expansions:  # back to the term, then the siblings
            link(phrase, equivalents)
    compiled = {key: tuple(alts) for key, alts in synonyms.items() if alts}
    return CompiledVocabulary(
        stop_words=stop,
        protected=protected,
        synonyms=compiled,
        max_phrase_tokens=max((len(k) for k in compiled), default=0),
    )


class _State:
    compiled: CompiledVocabulary | None = None
    source: object = None
    version: object = None
    generation = 0  # vocab.local_generation() when compiled: edits of this process
    degraded = False  # built from the static file because the source failed
    checked_at = float("-inf")
    check_seconds = 0.0


_state = _State()
_lock = threading.Lock()


def current_vocabulary() -> CompiledVocabulary:
    """The compiled vocabulary of this process, reloaded when the version in the
    shared cache changes (checked at most every ``check_seconds``), and at once
    after an edit committed by this process (``vocab.vocabulary_changed``)."""
    state, source = _state, get_source()
    generation, now = vocab.local_generation(), time.monotonic()
    if (
        state.compiled is not None
        and state.source is source
        and state.generation == generation
        and now - state.checked_at < state.check_seconds
    ):
        return state.compiled
    with _lock:
        try:
            version = source.version()
        except Exception:
            logger.warning("Search vocabulary version unavailable", exc_info=True)
            version = state.version
        stale = (
            state.compiled is None
            or state.source is not source
            or state.generation != generation
        )
        if stale or state.degraded or version != state.version:
            try:
                entries, degraded = source.entries(), False
            except Exception as exc:  # no database (yet): never break search
                logger.warning("Search vocabulary falls back to the file: %s", exc)
                entries, degraded = vocab.static_entries(), True
            state.compiled = compile_vocabulary(entries)
            state.source, state.version, state.degraded = source, version, degraded
            state.generation = generation
        state.checked_at, state.check_seconds = now, source.check_seconds
        return state.compiled


def invalidate_vocabulary() -> None:
    """Forget this process's compiled vocabulary (the next call reloads it)."""
    with _lock:
        _state.compiled = None


# --- Public API ----------------------------------------------------------------------


def analyze_tokens(text: str) -> list[str]:
    compiled = current_vocabulary()
    return _tokens(text, compiled.stop_words, compiled.protected)


def analyze(text: str) -> str:
    """Normalised, stop words removed, stemmed (protected terms kept as they are)."""
    return " ".join(analyze_tokens(text))


@dataclass
class AnalyzedQuery:
    normalized: str  # the citizen's words, normalised (for phrase and title boosts)
    stemmed: str  # analyze() of the query (matched against *_stem fields)
    # Up to MAX_EXPANSIONS full alternatives of ``stemmed``: the same query with one
    # or more vocabulary matches replaced by an analysed synonym. Match each one
    # exactly like ``stemmed`` (same fields, same operator), with a lower boost.
    expansions: list[str] = field(default_factory=list)
    # analysed phrase found in the query -> its analysed alternatives (for builders
    # that prefer per-phrase clauses); empty when nothing matched
    synonyms: dict[str, list[str]] = field(default_factory=dict)


def analyze_query(query: str) -> AnalyzedQuery:
    compiled = current_vocabulary()
    tokens = _tokens(query, compiled.stop_words, compiled.protected)
    matches = vocab.find_matches(tokens, compiled.synonyms, compiled.max_phrase_tokens)
    return AnalyzedQuery(
        normalized=normalize(query),
        stemmed=" ".join(tokens),
        expansions=vocab.alternative_queries(tokens, matches),
        synonyms={" ".join(tokens[s:e]): list(alts) for s, e, alts in matches},
    )
