"""A new OPD gets its PPID Pelaksana group at once (change-event ``MAINTAIN``)."""

from cms.core.changes import Change, ContentChange, Stage, subscribe
from cms.opd.models import OPDPage

from .access import pelaksana_group_ensure


def on_created(change: ContentChange) -> None:
    if isinstance(change.page, OPDPage):
        pelaksana_group_ensure(change.page)


def subscribe_all() -> None:
    subscribe(on_created, stage=Stage.MAINTAIN, kinds={Change.CREATED})
