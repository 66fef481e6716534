"""The stemmed text the database fallback ranks with: the stored search documents.

The fallback must see exactly what the index sees, so it reads the documents the
indexing side built and stored (``BuiltDocument``, docs/adr/006) instead of analysing
pages its own way. A page whose stored document is missing or older than the page
(``make run`` has no Elasticsearch, so nothing is drained; a page published while
Elasticsearch is down) is built here by the indexing side's own code and stored, so
the next reindex reuses it. A stored document built by older analysis code is still
used for its page version: the index holds the same until the next reindex.

Each process keeps the corpus in memory and refreshes only the pages whose version
changed: one query of (id, version) pairs per search. A page's version alone misses
changes that shrink what it may show without publishing it (a document it attaches
made private or withheld): those wait in the search outbox until the drain rebuilds
the stored document, and ``make run`` never drains. So a page with a pending change
is matched against a document built after that change, never an older one: one
more query per search, of the outbox rows.
"""

import logging
import threading
from collections import Counter
from dataclasses import dataclass

from search.indexing import stored
from search.indexing.keys import PAGE_PREFIX, page_id_of, page_key
from search.indexing.models import BuiltDocument, SearchOutbox
from search.indexing.source import desired_states
from search.language.normalize import normalize

logger = logging.getLogger(__name__)

STEM_FIELDS = (
    "title_stem",
    "tags_stem",
    "summary_stem",
    "body_stem",
    "attachments_stem",
)
CHUNK = 500
# A cold start builds at most this many documents per search (the first searches of
# a large site without any stored document stay bounded; the rest follow).
MAX_BUILDS_PER_SEARCH = 2000

# What a document was built for: (the page's version, its pending outbox change's
# version or 0).
Version = tuple[int, int]


@dataclass
class Doc:
    version: Version
    fields: dict[str, Counter]  # stem field -> stem counts
    title: str  # normalised title between spaces, for the phrase boost
    words: frozenset[str]  # normalised words of the title, summary and body
    published: str
    boost: float

    @property
    def stems(self) -> set[str]:
        return set().union(*self.fields.values())


def to_doc(version: Version, document: dict) -> Doc:
    return Doc(
        version=version,
        fields={f: Counter((document.get(f) or "").split()) for f in STEM_FIELDS},
        title=f" {normalize(document.get('title') or '')} ",
        words=frozenset(
            normalize(
                " ".join(document.get(f) or "" for f in ("title", "summary"))
            ).split()
        )
        | frozenset(normalize(document.get("body") or "").split()),
        published=document.get("published") or "",
        boost=float(document.get("boost") or 1.0),
    )


class Corpus:
    """Documents by page id, with document frequencies of stems and of words (the
    ranking's idf and the typo vocabulary)."""

    def __init__(self):
        self.docs: dict[int, Doc] = {}
        self.stem_df: Counter = Counter()
        self.word_df: Counter = Counter()
        self.empty: dict[int, Version] = {}  # withheld or unbuildable
        self.generation = 0  # moves whenever the vocabulary of words changes
        self.lock = threading.Lock()

    def add(self, pk: int, doc: Doc) -> None:
        self.discard(pk)
        self.docs[pk] = doc
        self.stem_df.update(doc.stems)
        self.word_df.update(doc.words)

    def discard(self, pk: int) -> None:
        self.empty.pop(pk, None)
        doc = self.docs.pop(pk, None)
        if doc is not None:
            self.stem_df.subtract(doc.stems)
            self.word_df.subtract(doc.words)

    def refresh(self, versions: dict[int, Version]) -> None:
        """Make the corpus hold the current version of exactly these pages."""
        with self.lock:
            stale = [
                pk
                for pk, known in [
                    *((pk, d.version) for pk, d in self.docs.items()),
                    *self.empty.items(),
                ]
                if versions.get(pk) != known
            ]
            for pk in stale:
                self.discard(pk)
            wanted = {
                pk: v
                for pk, v in versions.items()
                if pk not in self.docs and pk not in self.empty
            }
            if not stale and not wanted:
                return
            self.generation += 1
            missing = self._load_stored(wanted)
            self._build(dict(list(missing.items())[:MAX_BUILDS_PER_SEARCH]))
            self.stem_df += Counter()  # drop the zero counts left by discard
            self.word_df += Counter()

    def _load_stored(self, wanted: dict[int, Version]) -> dict[int, Version]:
        keys = [page_key(pk) for pk in wanted]
        for start in range(0, len(keys), CHUNK):
            rows = BuiltDocument.objects.filter(
                object_key__in=keys[start : start + CHUNK]
            ).values_list("object_key", "page_version", "built_at", "document")
            for key, page_version, built_at, document in rows:
                pk = page_id_of(key)
                version = wanted.get(pk)
                if version is None or version[0] != page_version:
                    continue
                if _microseconds(built_at) >= version[1]:  # built after the change
                    self.add(pk, to_doc(version, document))
        return {pk: v for pk, v in wanted.items() if pk not in self.docs}

    def _build(self, missing: dict[int, Version]) -> None:
        ids = list(missing)
        fingerprint_ = stored.fingerprint() if ids else ""
        for start in range(0, len(ids), CHUNK):
            states = desired_states(ids[start : start + CHUNK])
            built = []
            for pk, state in states.items():
                if state.document is None:
                    self.empty[pk] = missing[pk]
                    continue
                self.add(pk, to_doc(missing[pk], state.document))
                built.append((page_key(pk), state.version, state.document))
            try:
                stored.store(built, fingerprint_=fingerprint_)
            except Exception:  # a read-only moment must not fail the search
                logger.warning("Could not store search documents", exc_info=True)


_corpus = Corpus()


def _microseconds(moment) -> int:
    return int(moment.timestamp() * 1_000_000)


def pending_changes() -> dict[int, int]:
    """Page id -> version of its change waiting in the search outbox."""
    rows = SearchOutbox.objects.filter(object_key__startswith=PAGE_PREFIX).values_list(
        "object_key", "version"
    )
    return {pk: version for key, version in rows if (pk := page_id_of(key))}


def current_corpus(versions: dict[int, int]) -> Corpus:
    """The corpus holding ``versions`` (page id -> page version) as they are now."""
    pending = pending_changes()
    _corpus.refresh({pk: (v, pending.get(pk, 0)) for pk, v in versions.items()})
    return _corpus


def reset_corpus() -> None:
    """Forget the in-memory corpus (tests: rows vanish with each test's transaction)."""
    global _corpus
    _corpus = Corpus()
