"""Change events -> notifications (in the transaction) and live events (after it).

Every change to a page that an admin screen shows becomes one "page" event per
transaction, addressed to the page's watchers (``recipients``); the review steps
also leave notifications for the people who must act or wait on them.
"""

from django.contrib.auth import get_user_model
from wagtail.models import TaskState

from cms.core.changes import EDITORIAL_KINDS, Change, Stage, subscribe

from . import publish
from .models import Notification

# Kinds that change what an admin screen shows about a page.
SHOWN_KINDS = EDITORIAL_KINDS | {
    Change.CREATED,
    Change.PUBLISHED,
    Change.UPDATED,
    Change.LIVE_SAVED,
    Change.UNPUBLISHED,
    Change.DELETED,
    Change.MOVED,
}
NOTIFIED = {
    Change.SUBMITTED: Notification.Kind.SUBMITTED,
    Change.APPROVED: Notification.Kind.APPROVED,
    Change.CHANGES_REQUESTED: Notification.Kind.CHANGES_REQUESTED,
}


def subscribe_to_changes() -> None:
    subscribe(record_notifications, stage=Stage.RECORD, kinds=NOTIFIED)
    subscribe(send_page_events, stage=Stage.COMMITTED, kinds=SHOWN_KINDS)


def record_notifications(change) -> None:
    task_state = (
        TaskState.objects.select_related("workflow_state", "task")
        .filter(pk=change.task_state_id)
        .first()
    )
    if task_state is None:
        return
    if change.kind == Change.SUBMITTED:
        recipients = _reviewers(task_state)
    else:
        requester = task_state.workflow_state.requested_by_id
        recipients = {requester} if requester else set()
    recipients.discard(change.user_id)
    if not recipients:
        return
    comment = task_state.comment if change.kind == Change.CHANGES_REQUESTED else ""
    Notification.objects.bulk_create(
        Notification(
            recipient_id=user_id,
            kind=NOTIFIED[change.kind],
            page_id=change.page_id,
            actor_id=change.user_id,
            comment=comment or "",
        )
        for user_id in sorted(recipients)
    )
    publish.publish("notifications", channels=[f"user:{pk}" for pk in recipients])


def _reviewers(task_state) -> set[int]:
    """Who may act on the task: the groups of a group approval task."""
    task = task_state.task.specific
    groups = getattr(task, "groups", None)
    if groups is None:
        return set()
    users = get_user_model().objects.filter(is_active=True, groups__in=groups.all())
    return set(users.values_list("pk", flat=True).distinct())


def send_page_events(changes) -> None:
    """``COMMITTED``: one event for the transaction, the last change per page."""
    latest = {}
    for change in changes:
        if change.page_id is not None:
            latest[change.page_id] = change
    if not latest:
        return
    actors = {c.user_id for c in latest.values() if c.user_id is not None}
    facts = {"change": next(reversed(latest.values())).kind.value}
    if len(actors) == 1:
        facts["actor"] = actors.pop()
    publish.publish_pages("page", latest, **facts)
