"""Change events: the one door for "what changed" (docs/adr/008-change-events.md).

cms turns every change that matters outside it into a ``ContentChange`` (see
``events.Change`` for the kinds); consumers subscribe by stage::

    from cms.core.changes import Change, Stage, subscribe

    subscribe(record_outbox_rows, stage=Stage.RECORD, kinds={Change.PUBLISHED})

Nobody else listens to Django's or Wagtail's model signals (``receivers.py`` is the
only place; tests/architecture enforces it).
"""

from .bus import Stage, deliver_committed, emit, subscribe, unsubscribe
from .events import (
    EDITORIAL_KINDS,
    PAGE_STATE_KINDS,
    PUBLIC_KINDS,
    Change,
    ContentChange,
)

__all__ = [
    "EDITORIAL_KINDS",
    "PAGE_STATE_KINDS",
    "PUBLIC_KINDS",
    "Change",
    "ContentChange",
    "Stage",
    "deliver_committed",
    "emit",
    "subscribe",
    "unsubscribe",
]
