"""The time the PPID services see: one seam, so tests can move "now" across
weekends and holidays (``monkeypatch.setattr(clock, "now", ...)``)."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    """Today in Asia/Jakarta (TIME_ZONE)."""
    return timezone.localdate(now())
