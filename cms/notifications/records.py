"""Recording emails: outbox rows written inside the caller's transaction."""

from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail
from .outbox import render_email
from .sending import enqueue_emails


def email_queue(
    *, to: list[str], template: str, context: dict, kind: str, report_id=None
) -> list[int]:
    """One outbox row per address, written in the current transaction; the send
    is enqueued after commit (a rollback takes rows and enqueue with it)."""
    addresses = list(dict.fromkeys(a.strip() for a in to if a and a.strip()))
    if not addresses:
        return []
    subject, text, html = render_email(template, context)
    now = timezone.now()
    rows = [
        OutgoingEmail(
            to=address,
            subject=subject[:250],
            body_text=text,
            body_html=html,
            kind=kind,
            report_id=report_id,
            next_attempt_at=now,
            queued_for=now,
        )
        for address in addresses
    ]
    with transaction.atomic():
        ids = [row.pk for row in OutgoingEmail.objects.bulk_create(rows)]
        transaction.on_commit(partial(enqueue_emails, ids), robust=True)
    return ids
