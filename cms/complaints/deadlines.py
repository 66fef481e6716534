"""``Report.due_on``: the report's next deadline, stored so the admin queues filter
("terlambat") and sort by it with an index instead of computing it per row.

One definition: ``public.next_deadline`` (what the portal, API and Open311 show).
One place sets it: ``set_due_on``, called by ``steps.save`` (every transition,
after its disposition changes) and ``intake.submit``. ``resync`` recomputes stored
rows in batches, for writes that bypass the services (the 0004 data migration,
bulk fills, test fixtures writing rows directly).
"""

from django.db import connection

from .models import Status
from .public import current_deadline

RESPONSE_STATUSES = (Status.DISPOSISI, Status.TINDAK_LANJUT)


def due_on(report, dispositions=None):
    """The value ``report.due_on`` must hold. Active dispositions are read fresh
    (a prefetched list may predate the transition) and only when they matter."""
    if dispositions is None:
        dispositions = []
        if report.status in RESPONSE_STATUSES and report.pk is not None:
            dispositions = list(report.dispositions.filter(active=True))
    return current_deadline(report, dispositions)


def set_due_on(report) -> None:
    """Update the instance; the caller saves it (with ``"due_on"``)."""
    report.due_on = due_on(report)


def resync(report_model=None, disposition_model=None, queryset=None, batch=2000):
    """Recompute ``due_on`` of ``queryset`` (all reports by default) in batches of
    ``batch`` rows; returns how many rows changed. Takes the (historical) models so
    a migration can run it."""
    if report_model is None:
        from .models import Disposition, Report

        report_model, disposition_model = Report, Disposition
    rows = queryset if queryset is not None else report_model.objects.all()
    rows = rows.order_by("pk").only(
        "pk", "status", "verify_due", "close_due", "confirmed_at", "due_on"
    )
    changed, last = 0, 0
    while page := list(rows.filter(pk__gt=last)[:batch]):
        last = page[-1].pk
        waiting = {}
        for d in disposition_model.objects.filter(
            report_id__in=[r.pk for r in page if r.status in RESPONSE_STATUSES],
            active=True,
        ).only("report_id", "first_response_due", "first_response_at"):
            waiting.setdefault(d.report_id, []).append(d)
        stale = []
        for report in page:
            value = due_on(report, waiting.get(report.pk, []))
            if report.due_on != value:
                report.due_on = value
                stale.append(report)
        _write(report_model, stale)
        changed += len(stale)
    return changed


def _write(report_model, reports) -> None:
    """One UPDATE ... FROM (VALUES ...) per batch: bulk_update's CASE costs more
    to build in Python than the rows to write."""
    if not reports:
        return
    table = connection.ops.quote_name(report_model._meta.db_table)
    rows = ", ".join(["(%s, %s::date)"] * len(reports))
    params = [value for r in reports for value in (r.pk, r.due_on)]
    with connection.cursor() as cursor:
        cursor.execute(
            # Identifiers from the model's meta; every value is a parameter.
            f"UPDATE {table} AS r SET due_on = v.due "  # noqa: S608
            f"FROM (VALUES {rows}) AS v(id, due) WHERE r.id = v.id",
            params,
        )
