"""The one place that listens to Django's and Wagtail's model signals.

Each receiver turns a framework signal into one ``ContentChange`` and emits it;
consumers subscribe to those (``bus.subscribe``). Connected once, from
``CoreConfig.ready`` (tests/architecture checks nobody else connects receivers).

Ordering is decided here, not by INSTALLED_APPS: a move emits one event carrying
both OPDs, a deletion is announced before the rows go, and an unpublish Wagtail
performs on a page it is deleting is not announced (the deletion is).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
    Site,
)
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    task_approved,
    task_rejected,
    task_submitted,
    workflow_cancelled,
)

from cms.core.visibility import is_withheld

from .bus import emit
from .events import Change, ContentChange
from .snapshots import before_publish, is_publishing, opd_id_of, remember_before_save

# Saves of a live page that touch only editing state (a new draft, a lock):
# nothing public changes.
_DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def on_page_pre_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and update_fields is None:
        remember_before_save(instance)


def on_page_saved(sender, instance, created, update_fields=None, raw=False, **kw):
    if raw:
        return
    if created:
        emit(ContentChange(Change.CREATED, page_id=instance.pk, page=instance))
    elif (
        instance.live
        and not (update_fields and set(update_fields) <= _DRAFT_ONLY_FIELDS)
        and not is_publishing(instance)  # its own event follows
    ):
        emit(ContentChange(Change.LIVE_SAVED, page_id=instance.pk, page=instance))
    elif (
        update_fields
        and set(update_fields) <= _DRAFT_ONLY_FIELDS
        and is_withheld(instance)
    ):
        # A draft that exempts a DIP entry withholds its documents at once
        # (the rule is cms.core.visibility's): whatever shows or indexes them must
        # follow.
        for link in instance.documents.all():
            emit(_document(link.document, deleting=False))


def on_published(sender, instance, **kwargs):
    before = before_publish(instance)
    kind = Change.UPDATED if before.was_live else Change.PUBLISHED
    emit(ContentChange(kind, page_id=instance.pk, page=instance, model=sender))
    category = getattr(instance, "kategori", None)
    if before.category is not None and category != before.category:
        emit(
            ContentChange(
                Change.DIP_CATEGORY_CHANGED,
                page_id=instance.pk,
                page=instance,
                old_category=before.category,
                new_category=category,
            )
        )


def on_unpublished(sender, instance, **kwargs):
    # Wagtail unpublishes a live page it is deleting in memory only (the row stays
    # live until deleted): that page's deletion is its event.
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        return
    emit(ContentChange(Change.UNPUBLISHED, page_id=instance.pk, page=instance))


def on_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kw):
    emit(
        ContentChange(
            Change.MOVED,
            page_id=instance.pk,
            page=instance,
            old_opd_id=opd_id_of(parent_page_before),
            new_opd_id=opd_id_of(parent_page_after),
        )
    )


def on_slug_changed(sender, instance, **kwargs):
    opd_id = opd_id_of(instance)
    emit(
        ContentChange(
            Change.MOVED,
            page_id=instance.pk,
            page=instance,
            old_opd_id=opd_id,
            new_opd_id=opd_id,
        )
    )


def on_page_deleting(sender, instance, **kwargs):
    # Django sends this once per page (descendants included) before any row goes.
    emit(ContentChange(Change.DELETED, page_id=instance.pk, page=instance))


def on_restriction_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        emit(_privacy(instance.page_id, restricted=True))


def on_restriction_deleted(sender, instance, origin=None, **kwargs):
    # A restriction deleted with its page: the page's deletion says it all.
    if getattr(origin, "model", type(origin)) is PageViewRestriction:
        emit(_privacy(instance.page_id, restricted=False))


def _privacy(page_id, *, restricted):
    page = Page.objects.filter(pk=page_id).first()
    return ContentChange(
        Change.PRIVACY_CHANGED, page_id=page_id, page=page, restricted=restricted
    )


def on_document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        emit(_document(instance, deleting=False))


def on_document_deleting(sender, instance, **kwargs):
    emit(_document(instance, deleting=True))


def _document(document, *, deleting):
    return ContentChange(
        Change.DOCUMENT_CHANGED,
        document_id=document.pk,
        collection_id=document.collection_id,
        deleting=deleting,
    )


def on_image_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        emit(
            ContentChange(
                Change.IMAGE_CHANGED,
                image_id=instance.pk,
                collection_id=instance.collection_id,
                deleting=kwargs.get("signal") is post_delete,
            )
        )


def on_collection_restriction(sender, instance, raw=False, created=None, **kwargs):
    if raw or created is False:
        return  # edited (e.g. another group): private before and after
    emit(
        ContentChange(
            Change.COLLECTION_PRIVACY_CHANGED,
            collection_id=instance.collection_id,
            restricted=created is True,
        )
    )


def on_collection_saved(sender, instance, created, raw=False, **kwargs):
    # A collection moved under (or out of) a private one changes its media's
    # privacy; a new one holds nothing yet.
    if not raw and not created:
        emit(
            ContentChange(
                Change.COLLECTION_PRIVACY_CHANGED,
                collection_id=instance.pk,
                restricted=None,
            )
        )


def on_site_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        emit(ContentChange(Change.SITE_CHANGED))


# --- Editorial work (live admin screens; nothing public changes) -------------------
def on_revision_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.base_content_type_id != _page_type_id():
        return
    emit(
        ContentChange(
            Change.DRAFT_SAVED,
            page_id=int(instance.object_id),
            user_id=instance.user_id,
        )
    )


def _page_type_id() -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page).pk  # cached by Django


def _task_receiver(kind: Change):
    def receiver(sender, instance, user=None, **kwargs):
        revision = instance.revision
        if revision is None or revision.base_content_type_id != _page_type_id():
            return
        emit(
            ContentChange(
                kind,
                page_id=int(revision.object_id),
                user_id=getattr(user, "pk", None),
                task_state_id=instance.pk,
            )
        )

    return receiver


on_task_submitted = _task_receiver(Change.SUBMITTED)
on_task_approved = _task_receiver(Change.APPROVED)
on_task_rejected = _task_receiver(Change.CHANGES_REQUESTED)


def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    if instance.base_content_type_id != _page_type_id():
        return
    emit(
        ContentChange(
            Change.WORKFLOW_CANCELLED,
            page_id=int(instance.object_id),
            user_id=getattr(user, "pk", None),
        )
    )


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


def connect() -> None:
    """Connect every receiver (idempotent: each has a dispatch_uid)."""
    # Per page model, so saves of other models never reach these receivers.
    for model in _page_models():
        name = model._meta.label_lower
        pre_save.connect(on_page_pre_save, sender=model, dispatch_uid=f"chg-pre-{name}")
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"chg-save-{name}")
    page_published.connect(on_published, dispatch_uid="chg-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="chg-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="chg-moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="chg-slug")
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="chg-deleting")
    post_save.connect(
        on_restriction_saved, sender=PageViewRestriction, dispatch_uid="chg-private"
    )
    post_delete.connect(
        on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="chg-public"
    )
    document = get_document_model()
    post_save.connect(on_document_saved, sender=document, dispatch_uid="chg-doc")
    pre_delete.connect(
        on_document_deleting, sender=document, dispatch_uid="chg-doc-del"
    )
    image = get_image_model()
    post_save.connect(on_image_changed, sender=image, dispatch_uid="chg-img")
    post_delete.connect(on_image_changed, sender=image, dispatch_uid="chg-img-del")
    for signal, uid in ((post_save, "chg-cvr"), (post_delete, "chg-cvr-del")):
        signal.connect(
            on_collection_restriction,
            sender=CollectionViewRestriction,
            dispatch_uid=uid,
        )
    post_save.connect(on_collection_saved, sender=Collection, dispatch_uid="chg-coll")
    post_save.connect(on_site_changed, sender=Site, dispatch_uid="chg-site")
    post_delete.connect(on_site_changed, sender=Site, dispatch_uid="chg-site-del")
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="chg-revision")
    task_submitted.connect(on_task_submitted, dispatch_uid="chg-task-submitted")
    task_approved.connect(on_task_approved, dispatch_uid="chg-task-approved")
    task_rejected.connect(on_task_rejected, dispatch_uid="chg-task-rejected")
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="chg-wf-cancel")
