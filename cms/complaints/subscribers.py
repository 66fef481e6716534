"""A new OPD gets its liaison group at once (change-event ``MAINTAIN`` stage)."""

from cms.core.changes import Change, ContentChange, Stage, subscribe
from cms.opd.models import OPDPage

from .access import liaison_group_ensure


def on_created(change: ContentChange) -> None:
    if isinstance(change.page, OPDPage):
        liaison_group_ensure(change.page)


def subscribe_all() -> None:
    subscribe(on_created, stage=Stage.MAINTAIN, kinds={Change.CREATED})
