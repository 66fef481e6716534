"""What a change event says: one vocabulary for every consumer outside cms.

The receivers (``receivers.py``) are the only code that reads Django's and Wagtail's
model signals; they translate each into one ``ContentChange``. A consumer reads the
kind and the ids it needs and never re-derives what the change meant.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Change(StrEnum):
    # Pages (content items, DIP entries, series, OPD and home pages).
    CREATED = "created"  # a page row was added to the tree (draft or not)
    PUBLISHED = "published"  # published and was not live just before
    UPDATED = "updated"  # published again while live
    LIVE_SAVED = "live_saved"  # a live page written outside the publish action
    UNPUBLISHED = "unpublished"
    DELETED = "deleted"  # sent before the rows go: links are still readable
    MOVED = "moved"  # new place or slug in the tree: URL, maybe OPD, changed
    PRIVACY_CHANGED = "privacy_changed"  # a page view restriction added/removed
    DIP_CATEGORY_CHANGED = "dip_category_changed"  # e.g. made "dikecualikan"
    # Media.
    DOCUMENT_CHANGED = "document_changed"  # saved (file, collection) or deleting
    IMAGE_CHANGED = "image_changed"
    COLLECTION_PRIVACY_CHANGED = "collection_privacy_changed"
    # A Wagtail Site row saved or deleted: every page's URL may change.
    SITE_CHANGED = "site_changed"
    # Editorial work on a page, never public by itself (live admin screens).
    DRAFT_SAVED = "draft_saved"  # a new revision (a draft, or the one published)
    SUBMITTED = "submitted"  # a review task started (submitted, or next task)
    APPROVED = "approved"  # a review task approved
    CHANGES_REQUESTED = "changes_requested"  # a review task rejected
    WORKFLOW_CANCELLED = "workflow_cancelled"


# A page's public state changed: what every mirror of public pages (the search
# index, OPD sites) follows.
PAGE_STATE_KINDS = frozenset(
    {
        Change.PUBLISHED,
        Change.UPDATED,
        Change.UNPUBLISHED,
        Change.DELETED,
        Change.MOVED,
        Change.PRIVACY_CHANGED,
    }
)

EDITORIAL_KINDS = frozenset(
    {
        Change.DRAFT_SAVED,
        Change.SUBMITTED,
        Change.APPROVED,
        Change.CHANGES_REQUESTED,
        Change.WORKFLOW_CANCELLED,
    }
)

# Kinds after which a citizen may see something different (caches follow these).
PUBLIC_KINDS = frozenset(Change) - {Change.CREATED} - EDITORIAL_KINDS


@dataclass(frozen=True, slots=True)
class ContentChange:
    """One change. ``page`` is the instance the framework handed over (specific or
    not, as it was at that moment); consumers that run after commit get only ids.

    Attributes that do not apply to a kind stay ``None``.
    """

    kind: Change
    page_id: int | None = None
    page: Any = None  # a wagtail Page; typed loosely to keep this module bare
    # PUBLISHED / UPDATED: the page type of the published page.
    model: type | None = None
    # MOVED: the OPD pages owning the page before and after (None: no OPD above).
    old_opd_id: int | None = None
    new_opd_id: int | None = None
    # PRIVACY_CHANGED / COLLECTION_PRIVACY_CHANGED: restricted now (True) or lifted.
    restricted: bool | None = None
    # DIP_CATEGORY_CHANGED: the category before and after.
    old_category: str | None = None
    new_category: str | None = None
    # DOCUMENT_CHANGED / IMAGE_CHANGED / COLLECTION_PRIVACY_CHANGED.
    document_id: int | None = None
    image_id: int | None = None
    collection_id: int | None = None
    deleting: bool = False  # DOCUMENT_CHANGED / IMAGE_CHANGED: about to go
    # Who did it, when the framework says (editorial kinds, publish, unpublish).
    user_id: int | None = None
    # Editorial kinds from a review task: its TaskState.
    task_state_id: int | None = None

    @property
    def opd_changed(self) -> bool:
        return self.kind == Change.MOVED and self.old_opd_id != self.new_opd_id

    def without_instances(self) -> "ContentChange":
        """The same event with ids only: what after-commit consumers receive (an
        instance read inside the transaction may be stale or deleted by then)."""
        if self.page is None:
            return self
        return ContentChange(
            **{
                name: getattr(self, name)
                for name in self.__dataclass_fields__
                if name != "page"
            }
        )
