"""Celery tasks that send the outbox, and the only code that queues them.

Retries are not Celery retries: the row holds the schedule (``next_attempt_at``),
so a lost task or a broker outage only delays an email until the beat sweep
(``resend_due_emails``) queues it again.
"""

import logging

from celery import shared_task
from django.utils import timezone

from .models import EmailStatus
from .outbox import email_send, emails_mark_due, emails_prune

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, ignore_result=True)
def send_email(email_pk: int) -> None:
    email = email_send(email_pk=email_pk)
    if (
        email is not None
        and email.status == EmailStatus.PENDING
        and email.queued_for is not None
    ):
        countdown = (email.next_attempt_at - timezone.now()).total_seconds()
        enqueue_email(email.pk, countdown=max(countdown, 0))


@shared_task(acks_late=True, ignore_result=True)
def resend_due_emails() -> None:
    """Celery beat, every ``NOTIFICATIONS_EMAIL_SWEEP_SECONDS`` (30 s)."""
    queued = emails_requeue_due()
    if queued:
        logger.info("Email outbox: %d due email(s) queued by the sweep", queued)
    emails_prune()


def emails_requeue_due(*, limit: int = 200) -> int:
    ids = emails_mark_due(limit=limit)
    enqueue_emails(ids)
    return len(ids)


def enqueue_email(email_pk: int, *, countdown: float | None = None) -> None:
    """Ask a worker to send. Never raises and never waits on a dead broker: the
    row is safe in the database and the sweep queues it again."""
    options = {"retry": False}
    if countdown:
        options["countdown"] = countdown
    try:
        send_email.apply_async(args=[email_pk], **options)
    except Exception as exc:
        logger.warning("Email %s not enqueued (%s)", email_pk, exc)


def enqueue_emails(email_pks) -> None:
    for pk in email_pks:
        enqueue_email(pk)
