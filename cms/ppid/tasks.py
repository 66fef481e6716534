"""Celery tasks of PPID (autodiscovered): thin wrappers around services."""

from celery import shared_task

from .reminders import reminders_send


@shared_task(acks_late=True, ignore_result=True)
def send_ppid_reminders() -> int:
    """Celery beat, daily at 07:10 WIB: reminders before, escalation after."""
    return reminders_send()
