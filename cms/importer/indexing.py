"""Wagtail's derived indexes, deferred during an import and rebuilt in bulk.

On every page save Wagtail updates its search index (``modelsearch``'s post_save
handler, run as an immediate django-task, which also recomputes the title norms of
the whole index) and its reference index (``wagtail.signal_handlers``). For a bulk
import that is most of the cost, so the import turns both off and rebuilds the entries
of the pages it touched once per batch, inside the batch's transaction: a rolled-back
batch leaves no stale entries, a committed one is fully indexed.

``suspended_auto_indexing`` disconnects the search handler process-wide (modelsearch
has no switch of its own), so run imports from a command or a task, not inside a web
request that shares the process with other writers.
"""

from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

CHUNK = 500


@contextmanager
def suspended_auto_indexing():
    disconnected = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def pages_reindex(pages: Iterable[Page], *, new: bool = False) -> None:
    """Search and reference index entries for these specific pages.

    ``new`` pages have no reference rows yet, so theirs are inserted in one statement
    instead of Wagtail's per-object compare-and-update (same rows, see tests).
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    references = []
    for model, group in by_model.items():
        prefetch_child_relations(group)  # references read them; one query each
        for start in range(0, len(group), CHUNK):
            _search_add(model, [page.pk for page in group[start : start + CHUNK]])
        if not ReferenceIndex.is_indexed(model):
            continue
        for page in group:
            if new:
                references.extend(_references_of_new(page))
            else:
                ReferenceIndex.create_or_update_for_object(page)
    ReferenceIndex.objects.bulk_create(references, ignore_conflicts=True)


def _references_of_new(page) -> list[ReferenceIndex]:
    # What ReferenceIndex.create_or_update_for_object() inserts for an object that
    # has no rows yet, without its per-object SELECT.
    models = [page, *page._meta.get_parent_list()]
    types = [
        ContentType.objects.get_for_model(m, for_concrete_model=False) for m in models
    ]
    return [
        ReferenceIndex(
            content_type=types[0],
            base_content_type=types[-1],
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]


def prefetch_child_relations(pages: list[Page]) -> None:
    """Load the child relations (tags, links, comments...) of same-model pages at
    once, so serialising or scanning them costs no query per page."""
    if pages:
        names = [rel.get_accessor_name() for rel in get_all_child_relations(pages[0])]
        prefetch_related_objects(pages, *names)


def _search_add(model, pks: list[int]) -> None:
    if not model.get_search_fields():
        return
    # The model's own indexed queryset: what ``update_index`` would write for it.
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    if objects:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
