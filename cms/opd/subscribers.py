"""cms.opd keeps its own data in step with the tree (change-event ``MAINTAIN`` stage,
before any consumer records the change)."""

from cms.core.changes import Change, ContentChange, Stage, subscribe

from .access import province_access_ensure
from .models import OPDPage, ProvinceHomePage
from .services import opd_owner_refresh, opd_setup


def on_created(change: ContentChange) -> None:
    # A new OPD gets its groups, collections, workflow and DIP section at once.
    if isinstance(change.page, OPDPage):
        opd_setup(change.page)
    elif isinstance(change.page, ProvinceHomePage):
        province_access_ensure(change.page)


def on_moved(change: ContentChange) -> None:
    """Items moved to another OPD belong to it from now on."""
    if change.opd_changed:
        opd_owner_refresh(change.page)


def subscribe_all() -> None:
    subscribe(on_created, stage=Stage.MAINTAIN, kinds={Change.CREATED})
    subscribe(on_moved, stage=Stage.MAINTAIN, kinds={Change.MOVED})
