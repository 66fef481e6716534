"""The email outbox in a worker: render, send one row, schedule retries with a
capped backoff, find what the sweep must queue. Recording rows is ``records``;
enqueuing is ``sending`` (so this module never imports Celery)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from cms.core import send_schedule

from .models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)


def _setting(name: str, default):
    return getattr(settings, f"NOTIFICATIONS_EMAIL_{name}", default)


def retry_delay(attempts: int) -> timedelta:
    """After the n-th failed attempt: 1 min, 2, 4, ... capped at 1 h, +-20 %."""
    return send_schedule.backoff(
        attempts,
        base=_setting("RETRY_BASE_SECONDS", 60.0),
        factor=2.0,
        cap=_setting("RETRY_MAX_SECONDS", 3600.0),
    )


def render_email(template: str, context: dict) -> tuple[str, str, str]:
    """(subject, text, html) from ``notifications/email/<template>.txt``, whose
    first line is the subject; the HTML is the same text in a simple layout."""
    text = render_to_string(f"notifications/email/{template}.txt", context)
    subject, _, body = text.strip().partition("\n")
    body = body.strip() + "\n"
    html = render_to_string(
        "notifications/email/base.html", {**context, "subject": subject, "body": body}
    )
    return subject.strip(), body, html


def _pending():
    return OutgoingEmail.objects.filter(status=EmailStatus.PENDING)


def _claim(pk: int) -> OutgoingEmail | None:
    """Take the row if it is due and nobody else holds it; counts the attempt."""
    lease = timedelta(seconds=_setting("LEASE_SECONDS", 60.0))
    claimed = send_schedule.claim(_pending(), pk, lease)
    return OutgoingEmail.objects.get(pk=pk) if claimed else None


def email_send(*, email_pk: int) -> OutgoingEmail | None:
    """Send once if due; on failure schedule the next attempt or give up after
    ``NOTIFICATIONS_EMAIL_MAX_ATTEMPTS`` (10, about 8 hours of trying)."""
    email = _claim(email_pk)
    if email is None:
        return None
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    now = timezone.now()
    email.locked_until = None
    try:
        message.send(fail_silently=False)
    except Exception as exc:  # SMTP, DNS, TLS: every failure is retried
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        _schedule_retry(email, now)
    else:
        email.status = EmailStatus.SENT
        email.sent_at = now
        email.next_attempt_at = None
        email.queued_for = None
        email.last_error = ""
    email.save(
        update_fields=[
            "status",
            "sent_at",
            "next_attempt_at",
            "queued_for",
            "locked_until",
            "last_error",
        ]
    )
    return email


def _schedule_retry(email: OutgoingEmail, now) -> None:
    if email.attempts >= _setting("MAX_ATTEMPTS", 10):
        email.status = EmailStatus.ABANDONED
        email.next_attempt_at = email.queued_for = None
        logger.warning("Email %s abandoned: %s", email.pk, email.last_error)
        return
    email.next_attempt_at = now + retry_delay(email.attempts)
    email.queued_for = send_schedule.retry_task_at(email.next_attempt_at, now)


def emails_mark_due(*, limit: int = 200) -> list[int]:
    """Due rows with no task on its way (never queued, task overdue by
    ``REQUEUE_AFTER_SECONDS``, or held by a worker that died), marked queued."""
    requeue_after = timedelta(seconds=_setting("REQUEUE_AFTER_SECONDS", 120))
    ids = send_schedule.unqueued_due_ids(
        _pending(), requeue_after=requeue_after, limit=limit
    )
    if ids:
        OutgoingEmail.objects.filter(pk__in=ids).update(queued_for=timezone.now())
    return ids


def emails_prune() -> int:
    """Sent and abandoned rows older than ``RETENTION_DAYS`` (90) are removed."""
    cutoff = timezone.now() - timedelta(days=_setting("RETENTION_DAYS", 90))
    deleted, _ = (
        OutgoingEmail.objects.exclude(status=EmailStatus.PENDING)
        .filter(created_at__lt=cutoff)
        .delete()
    )
    return deleted
