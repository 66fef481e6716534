"""Working days of the provincial government (Asia/Jakarta): Monday to Friday
except national holidays (libur nasional) and cuti bersama, both kept in the
``Holiday`` table (Settings > Hari libur) and loaded from
``cms/core/data/holidays.json``.

Deadlines of complaints (issue 12) and PPID requests count working days here, so
every screen and reminder agrees on what "3 hari kerja" means. The holiday dates
are memoised per process (``cms.core.holiday_cache``).
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Max
from django.utils.translation import gettext, ngettext

from cms.core import holiday_cache
from cms.core.models import Holiday

JAKARTA = ZoneInfo("Asia/Jakarta")
SATURDAY = 5


def _signature():
    row = Holiday.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return row["count"], row["latest"]


def _load() -> frozenset[date]:
    return frozenset(Holiday.objects.values_list("date", flat=True))


def holiday_dates() -> frozenset[date]:
    """Every holiday date (memoised; see ``cms.core.holiday_cache``)."""
    recheck = getattr(settings, "HOLIDAYS_RECHECK_SECONDS", 30)
    return holiday_cache.dates(_signature, _load, recheck)


def today_in_jakarta() -> date:
    return datetime.now(JAKARTA).date()


def _working(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def is_working_day(day: date) -> bool:
    return _working(day, holiday_dates())


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start``; for n=0, ``start`` itself when it is
    a working day, else the next working day."""
    if n < 0:
        raise ValueError("n must be >= 0")
    holidays = holiday_dates()
    day = start
    if n == 0:
        while not _working(day, holidays):
            day += timedelta(days=1)
        return day
    while n:
        day += timedelta(days=1)
        if _working(day, holidays):
            n -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative (the count in (end, start]) when
    ``end`` is before ``start``."""
    if end < start:
        return -working_days_between(end, start)
    holidays = holiday_dates()
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += _working(day, holidays)
        day += timedelta(days=1)
    return count


def remaining_working_days(due: date, today: date | None = None) -> int:
    """Working days left until ``due``: 0 on the due day, negative when overdue
    (-1 on the first working day after it)."""
    return working_days_between(today or today_in_jakarta(), due)


def deadline_label(due: date, today: date | None = None) -> str:
    """What queues and the reporter's page show next to a deadline. A due date on
    a non-working day with no working day in between reads "due today"."""
    remaining = remaining_working_days(due, today)
    if remaining > 0:
        return ngettext(
            "sisa %(count)d hari kerja", "sisa %(count)d hari kerja", remaining
        ) % {"count": remaining}
    if remaining < 0:
        late = -remaining
        return ngettext(
            "terlambat %(count)d hari kerja", "terlambat %(count)d hari kerja", late
        ) % {"count": late}
    return gettext("jatuh tempo hari ini")
