"""Fixtures for the complaints tests: a movable clock and validated uploads."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.complaints import clock as report_clock
from cms.complaints.uploads import validate_uploads
from tests.factories import picture_bytes

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def clock_at(monkeypatch):
    """``clock_at(2028, 3, 2, 10)``: the report services see this Jakarta time."""

    def move(*parts):
        when = datetime(*parts, tzinfo=JAKARTA)
        monkeypatch.setattr(report_clock, "now", lambda: when)
        return when

    return move


@pytest.fixture
def png_upload():
    def make(name="lokasi.png"):
        data = picture_bytes(40, 30, (200, 30, 30))
        return validate_uploads([SimpleUploadedFile(name, data, "image/png")])[0]

    return make


@pytest.fixture
def events_seen():
    """Report events delivered to a subscriber, in order. Wrap the actions in
    ``django_capture_on_commit_callbacks(execute=True)``: pytest-django never
    commits, so that is where the after-commit delivery runs."""
    from cms.complaints import events

    seen = []
    record = seen.append
    events.subscribe(record)
    yield seen
    events.unsubscribe(record)
