"""Read-only views of the sync state, for the admin (no Elasticsearch needed)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone

from .keys import page_id_of, page_key
from .models import IndexedState, SearchOutbox


@dataclass
class OutboxSummary:
    pending: int
    failing: int  # rows that failed at least once and are still pending
    oldest: datetime | None  # created_at of the oldest pending row
    last_error: str
    last_error_at: datetime | None

    @property
    def oldest_age_seconds(self) -> int | None:
        if self.oldest is None:
            return None
        return int((timezone.now() - self.oldest).total_seconds())


def outbox_summary() -> OutboxSummary:
    totals = SearchOutbox.objects.aggregate(
        pending=Count("pk"),
        failing=Count("pk", filter=Q(attempts__gt=0)),
        oldest=Min("created_at"),
    )
    latest = (
        SearchOutbox.objects.exclude(last_error="")
        .order_by("-updated_at")
        .values("last_error", "updated_at")
        .first()
    )
    return OutboxSummary(
        pending=totals["pending"],
        failing=totals["failing"],
        oldest=totals["oldest"],
        last_error=latest["last_error"] if latest else "",
        last_error_at=latest["updated_at"] if latest else None,
    )


def failing_rows(limit: int = 50) -> list[SearchOutbox]:
    rows = list(
        SearchOutbox.objects.filter(attempts__gt=0).order_by("created_at")[:limit]
    )
    for row in rows:
        row.page_id = page_id_of(row.object_key)
    return rows


@dataclass
class PageIndexStatus:
    pending: SearchOutbox | None
    state: IndexedState | None


def page_index_status(page_id: int | None) -> PageIndexStatus:
    if not page_id:
        return PageIndexStatus(None, None)
    key = page_key(page_id)
    return PageIndexStatus(
        pending=SearchOutbox.objects.filter(object_key=key).first(),
        state=IndexedState.objects.filter(object_key=key).first(),
    )
