"""Keeping the bell's table small: read notifications go after ``READ_DAYS``, any
after ``KEEP_DAYS`` (the audit log keeps the history of the steps themselves)."""

from datetime import timedelta

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from .models import Notification

READ_DAYS = 90
KEEP_DAYS = 365


def notifications_prune() -> int:
    now = timezone.now()
    old = Q(read_at__lt=now - timedelta(days=READ_DAYS)) | Q(
        created_at__lt=now - timedelta(days=KEEP_DAYS)
    )
    deleted, _ = Notification.objects.filter(old).delete()
    return deleted


@shared_task(ignore_result=True)
def prune_notifications() -> None:
    notifications_prune()
