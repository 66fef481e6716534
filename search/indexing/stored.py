"""Built search documents kept in the database, so a full reindex resends them.

Building a document (stemming every word, extracting text, resolving URLs) costs far
more than Elasticsearch spends indexing it, so rebuilding all of them would make
``search_reindex`` several times slower than the bulk load itself. The drain and the
reindex store what they build; the reindex reuses a stored document only when both
still hold:

* the page version is the same (any edit, move or status change publishes anew);
* the builder fingerprint is the same: a hash of the code that builds documents and
  of the vocabulary's index-time rules (stop words, protected terms). Deploying a new
  stemmer or builder, or an editor protecting a new term, rebuilds everything.

``search_reindex --rebuild`` ignores the store (a repair after editing data behind
the application's back).
"""

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from search.language.analysis import current_vocabulary

from .models import BuiltDocument

# The modules (and the stemmer's dictionary) whose content decides what a document
# contains.
_BUILDER_MODULES = (
    "language/data/stem_dictionary_id.txt",
    "language/data/compounds_id.txt",
    "language/compounds.py",
    "language/normalize.py",
    "language/analysis.py",
    "language/vocabulary.py",
    "indexing/builders.py",
    "indexing/text.py",
    "indexing/attachments.py",
    "indexing/extraction.py",
    "indexing/extraction_child.py",
    "documents.py",
)


@cache
def _code_hash() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in _BUILDER_MODULES:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def fingerprint() -> str:
    vocabulary = current_vocabulary()
    digest = hashlib.sha256(_code_hash().encode())
    digest.update("\n".join(sorted(vocabulary.stop_words)).encode())
    digest.update(b"\0" + "\n".join(sorted(vocabulary.protected)).encode())
    return digest.hexdigest()[:32]


def store(built: Iterable[tuple[str, int, dict]], *, fingerprint_: str) -> None:
    """Keep (key, page version, document) triples, replacing older ones."""
    moment = timezone.now()
    rows = [
        BuiltDocument(
            object_key=key,
            page_version=version,
            fingerprint=fingerprint_,
            document=document,
            built_at=moment,
        )
        for key, version, document in built
    ]
    BuiltDocument.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["object_key"],
        update_fields=["page_version", "fingerprint", "document", "built_at"],
    )


def forget(keys: Iterable[str]) -> None:
    """Drop the stored documents of objects that left the index."""
    keys = list(keys)
    if keys:
        BuiltDocument.objects.filter(object_key__in=keys).delete()


def reusable(versions: dict[str, int], *, fingerprint_: str) -> dict[str, str]:
    """Stored documents of ``versions`` (key -> current page version) still valid,
    as JSON text: sent to Elasticsearch as is, never decoded and encoded again."""
    rows = (
        BuiltDocument.objects.filter(
            object_key__in=list(versions), fingerprint=fingerprint_
        )
        .annotate(text=Cast("document", TextField()))
        .values_list("object_key", "page_version", "text")
    )
    return {key: text for key, version, text in rows if versions.get(key) == version}
