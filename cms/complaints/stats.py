"""Public per-OPD complaint statistics (/lapor/statistik/): counts and response
times only, never a reporter's identity or a report's text.

Two queries whatever the number of reports: one ``values()`` row per
disposition (aggregated here in Python) and one count of the province's
reports; holidays come from the per-process cache of ``cms.core.workdays``.
The page reads ``cached_statistics``: the result is kept five minutes in the
default (fail-safe) cache, as long as browsers keep the page, so a burst of
visitors costs one aggregation. Spam is left out (``cms.complaints.public``).
"""

from dataclasses import dataclass
from statistics import median

from django.core.cache import cache
from django.utils import timezone

from cms.core.workdays import today_in_jakarta, working_days_between

from .models import Disposition
from .public import HIDDEN_STATUSES, public_reports

RESOLVED = ("selesai", "arsip")
# Bump the version when the cached dataclasses change shape.
CACHE_KEY = "complaints:statistics:v1"
CACHE_SECONDS = 300


@dataclass(frozen=True)
class OPDStatistics:
    opd_id: int
    title: str
    received: int
    resolved: int
    # Working days from disposition to first response; None: nothing answered yet.
    median_response_days: float | None
    # First responses on or before their due date, among those answered and
    # those still unanswered past it (silence past the deadline counts as late).
    on_time_share: float | None

    @property
    def on_time_percent(self) -> float | None:
        return _percent(self.on_time_share)


@dataclass(frozen=True)
class ProvinceStatistics:
    received: int
    # Reports first disposed within their verification deadline (3 working days),
    # among the reports disposed at all; None: none disposed yet.
    verified_on_time_share: float | None

    @property
    def verified_on_time_percent(self) -> float | None:
        return _percent(self.verified_on_time_share)


def _percent(share: float | None) -> float | None:
    return None if share is None else share * 100


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _rows():
    return (
        Disposition.objects.exclude(report__status__in=HIDDEN_STATUSES)
        .order_by()
        .values(
            "opd_id",
            "opd__title",
            "report_id",
            "report__status",
            "report__verify_due",
            "disposed_at",
            "first_response_due",
            "first_response_at",
        )
    )


def opd_statistics() -> list[OPDStatistics]:
    """One entry per OPD with at least one (non-spam) disposition, by title."""
    return _summarise(list(_rows()))[0]


def all_statistics() -> tuple[list[OPDStatistics], ProvinceStatistics]:
    """Both at once, from the same disposition rows (what the page uses)."""
    return _summarise(list(_rows()))


def cached_statistics() -> tuple[list[OPDStatistics], ProvinceStatistics]:
    """``all_statistics``, at most five minutes old. Redis down: computed."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = all_statistics()
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def _summarise(rows):
    today = today_in_jakarta()
    by_opd: dict[int, dict] = {}
    first_disposed: dict[int, tuple] = {}
    for row in rows:
        disposed = timezone.localdate(row["disposed_at"])
        acc = by_opd.setdefault(
            row["opd_id"],
            # timed: [on time, judged]
            {
                "title": row["opd__title"],
                "reports": set(),
                "done": set(),
                "days": [],
                "timed": [0, 0],
            },
        )
        acc["reports"].add(row["report_id"])
        if row["report__status"] in RESOLVED:
            acc["done"].add(row["report_id"])
        due = row["first_response_due"]
        if row["first_response_at"] is not None:
            answered = timezone.localdate(row["first_response_at"])
            acc["days"].append(working_days_between(disposed, answered))
            acc["timed"][0] += answered <= due
            acc["timed"][1] += 1
        elif today > due:
            acc["timed"][1] += 1
        earlier = first_disposed.get(row["report_id"])
        if earlier is None or disposed < earlier[0]:
            first_disposed[row["report_id"]] = (disposed, row["report__verify_due"])
    opds = [
        OPDStatistics(
            opd_id=opd_id,
            title=acc["title"],
            received=len(acc["reports"]),
            resolved=len(acc["done"]),
            median_response_days=median(acc["days"]) if acc["days"] else None,
            on_time_share=_share(*acc["timed"]),
        )
        for opd_id, acc in by_opd.items()
    ]
    opds.sort(key=lambda item: (item.title.casefold(), item.opd_id))
    verified = sum(
        1 for disposed, due in first_disposed.values() if due and disposed <= due
    )
    province = ProvinceStatistics(
        received=public_reports().count(),
        verified_on_time_share=_share(verified, len(first_disposed)),
    )
    return opds, province
