"""Every change that matters outside cms becomes one change event: in the
transaction (``RECORD``), then once per commit (``COMMITTED``, ids only)."""

from contextlib import contextmanager

import pytest
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)

from cms.content.models import ContentPage
from cms.core.changes import (
    EDITORIAL_KINDS,
    PUBLIC_KINDS,
    Change,
    Stage,
    deliver_committed,
    subscribe,
    unsubscribe,
)
from cms.core.commit import take_pending
from tests.factories import DocumentFactory, add_dip_entry, add_item, publish

pytestmark = pytest.mark.django_db


@contextmanager
def subscribed(handler, stage=Stage.RECORD, kinds=None):
    subscribe(handler, stage=stage, kinds=kinds)
    try:
        yield
    finally:
        unsubscribe(handler)


@pytest.fixture
def events():
    seen = []
    with subscribed(seen.append):
        yield seen


def kinds_of(events, page, editorial=False):
    """The page's events; the editorial ones (drafts, review steps) only if asked."""
    return [
        event.kind
        for event in events
        if event.page_id == page.pk and (editorial or event.kind not in EDITORIAL_KINDS)
    ]


def test_publish_update_unpublish(opds, events):
    page = add_item(opds["dinkes"], "Vaksinasi", live=False)
    assert kinds_of(events, page) == [Change.CREATED]
    publish(page)
    publish(page)
    page.unpublish()
    page.save()  # a live page written outside publishing (scripts)
    publish(page)
    page.save(update_fields=["title"])
    assert kinds_of(events, page) == [
        Change.CREATED,
        Change.PUBLISHED,
        Change.UPDATED,
        Change.UNPUBLISHED,
        Change.PUBLISHED,
        Change.LIVE_SAVED,
    ]


def test_a_deletion_is_announced_once_before_the_rows_go(opds, events):
    page = add_item(opds["dinkes"], "Dihapus")
    rows_at_event = []

    def check(change):
        rows_at_event.append(Page.objects.filter(pk=change.page_id).exists())

    events.clear()
    page_id = page.pk
    with subscribed(check, kinds={Change.DELETED}):
        page.delete()
    # Wagtail unpublishes a live page it deletes: that is not a second event.
    assert [e.kind for e in events if e.page_id == page_id] == [Change.DELETED]
    assert rows_at_event == [True]


def test_a_move_to_another_opd_names_both_and_items_follow_first(opds, events):
    page = add_item(opds["dinkes"], "Posko")
    owner_at_event = []

    def check(change):
        owner_at_event.append(ContentPage.objects.get(pk=change.page_id).opd_id)

    events.clear()
    with subscribed(check, kinds={Change.MOVED}):
        page.move(opds["bpbd"], pos="last-child")
    (moved,) = [e for e in events if e.kind == Change.MOVED]
    assert (moved.old_opd_id, moved.new_opd_id) == (opds["dinkes"].pk, opds["bpbd"].pk)
    assert moved.opd_changed
    # cms keeps its own data first (MAINTAIN), consumers then read the new owner.
    assert owner_at_event == [opds["bpbd"].pk]


def test_privacy_and_dip_category(opds, events):
    page = add_item(opds["dinkes"], "Rahasia")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    restriction.delete()
    privacy = [e.restricted for e in events if e.kind == Change.PRIVACY_CHANGED]
    assert privacy == [True, False]

    entry = add_dip_entry(opds["dinkes"], "Kontrak pengadaan")
    entry.kategori = "dikecualikan"
    entry.dasar_hukum = "Pasal 17 huruf b UU 14/2008"
    publish(entry)
    (category,) = [e for e in events if e.kind == Change.DIP_CATEGORY_CHANGED]
    assert (category.page_id, category.old_category, category.new_category) == (
        entry.pk,
        "berkala",
        "dikecualikan",
    )


def test_documents_and_collections(opds, events):
    document = DocumentFactory()
    assert [e.document_id for e in events if e.kind == Change.DOCUMENT_CHANGED] == [
        document.pk
    ]
    collection = Collection.get_first_root_node().add_child(name="Arsip")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    restricted = [
        (e.collection_id, e.restricted)
        for e in events
        if e.kind == Change.COLLECTION_PRIVACY_CHANGED
    ]
    assert restricted == [(collection.pk, True)]


def test_a_site_change_is_public(opds, events):
    # Every page URL may change with it: caches and the API's lookups follow.
    site = Site.objects.get(is_default_site=True)
    site.hostname = "portal.example"
    site.save()
    assert [e.kind for e in events] == [Change.SITE_CHANGED]
    assert Change.SITE_CHANGED in PUBLIC_KINDS


def test_after_commit_once_per_transaction_never_after_a_rollback(
    opds, django_capture_on_commit_callbacks
):
    def commit():
        # pytest-django never commits: run (and drop) what waits for the commit.
        for hook in take_pending(lambda func: func is deliver_committed):
            hook()

    commit()  # what the fixtures changed counts as committed
    batches = []

    class Boom(Exception):
        pass

    with subscribed(batches.append, stage=Stage.COMMITTED):
        with django_capture_on_commit_callbacks() as callbacks:
            first = add_item(opds["dinkes"], "Satu")
            second = add_item(opds["bpbd"], "Dua")
        assert batches == []  # nothing before the commit
        assert [c for c in callbacks if c is deliver_committed] == [deliver_committed]
        commit()
        (batch,) = batches
        published = {e.page_id for e in batch if e.kind == Change.PUBLISHED}
        assert published == {first.pk, second.pk}
        assert all(e.page is None for e in batch)  # ids only after the commit

        with pytest.raises(Boom), transaction.atomic():
            add_item(opds["dinkes"], "Batal")
            raise Boom
        commit()
        assert len(batches) == 1  # the rolled-back change is never delivered

        third = add_item(opds["dinkes"], "Tiga")
        commit()
        assert {e.page_id for e in batches[1]} == {third.pk}


def test_editorial_steps_name_the_page_and_who_acted(opds, events):
    """Drafts and review steps: nothing public, but what live admin screens follow."""
    from tests.factories import UserFactory

    editor = UserFactory(opd=opds["dinkes"], role="editor")
    reviewer = UserFactory(opd=opds["dinkes"], role="reviewer")
    page = add_item(opds["dinkes"], "Posyandu", live=False, user=editor)
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    workflow.start(page, editor)
    page.refresh_from_db()
    page.current_workflow_task.on_action(
        page.current_workflow_task_state, reviewer, "reject", comment="Perbaiki"
    )
    page.refresh_from_db()
    page.current_workflow_state.resume(user=editor)  # resubmitted
    page.refresh_from_db()
    page.current_workflow_state.cancel(user=editor)

    editorial = [
        (event.kind, event.user_id)
        for event in events
        if event.page_id == page.pk and event.kind in EDITORIAL_KINDS
    ]
    assert editorial == [
        (Change.DRAFT_SAVED, editor.pk),
        (Change.DRAFT_SAVED, editor.pk),
        (Change.SUBMITTED, editor.pk),
        (Change.CHANGES_REQUESTED, reviewer.pk),
        (Change.SUBMITTED, editor.pk),
        (Change.WORKFLOW_CANCELLED, editor.pk),
    ]
    # None of them is a public change: caches and mirrors ignore them.
    assert kinds_of(events, page) == [Change.CREATED]
