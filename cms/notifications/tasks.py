"""Celery tasks of notifications (autodiscovered): the email outbox tasks live in
``sending``; the daily jobs here are thin wrappers around services."""

from celery import shared_task

from cms.complaints.services import close_overdue

from .reminders import reminders_send
from .sending import resend_due_emails, send_email

__all__ = [
    "close_overdue_reports",
    "resend_due_emails",
    "send_deadline_reminders",
    "send_email",
]


@shared_task(acks_late=True, ignore_result=True)
def send_deadline_reminders() -> int:
    """Celery beat, daily at 07:00 WIB."""
    return reminders_send()


@shared_task(acks_late=True, ignore_result=True)
def close_overdue_reports() -> int:
    """Celery beat, daily at 07:00 WIB: ``selesai`` past the close date -> arsip."""
    return close_overdue()
