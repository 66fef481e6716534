"""Thin receivers: every change that can alter the public index writes the outbox.

Connected in ``SearchConfig.ready()``. The ``search`` app is listed after ``cms.opd``
in INSTALLED_APPS, so on a move ``cms.opd`` has already pointed the items at their
new OPD when these receivers run (receivers are called in connection order).
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from cms.series.models import SeriesPage

from .indexing import changes
from .indexing.source import INDEXED_MODELS


@receiver(page_published, dispatch_uid="search_page_published")
@receiver(page_unpublished, dispatch_uid="search_page_unpublished")
def on_publish_state(sender, instance, **kwargs):
    changes.page_changed(instance)


@receiver(post_page_move, dispatch_uid="search_page_moved")
@receiver(page_slug_changed, dispatch_uid="search_page_slug_changed")
def on_tree_change(sender, instance, **kwargs):
    changes.subtree_changed(instance)


@receiver(post_delete, dispatch_uid="search_page_deleted")
def on_delete(sender, instance, **kwargs):
    # Multi-table pages send one post_delete per table; the concrete class once.
    if sender in INDEXED_MODELS:
        changes.pages_changed([instance.pk])


@receiver(pre_delete, sender=SeriesPage, dispatch_uid="search_series_deleting")
def on_series_deleting(sender, instance, **kwargs):
    changes.series_deleting(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search_privacy_saved")
@receiver(
    post_delete, sender=PageViewRestriction, dispatch_uid="search_privacy_deleted"
)
def on_privacy_change(sender, instance, raw=False, **kwargs):
    if not raw:
        changes.subtree_changed(Page.objects.filter(pk=instance.page_id).first())


@receiver(post_save, sender=get_document_model(), dispatch_uid="search_document_saved")
@receiver(
    pre_delete, sender=get_document_model(), dispatch_uid="search_document_deleting"
)
def on_document_change(sender, instance, raw=False, **kwargs):
    if not raw:
        changes.document_changed(instance)


@receiver(
    post_save, sender=CollectionViewRestriction, dispatch_uid="search_media_privacy"
)
@receiver(
    post_delete,
    sender=CollectionViewRestriction,
    dispatch_uid="search_media_privacy_deleted",
)
def on_collection_privacy_change(sender, instance, raw=False, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if not raw and collection is not None:
        changes.collection_privacy_changed(collection)
