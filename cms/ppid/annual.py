"""The annual public-information service report (laporan layanan informasi
publik, Perki 1/2021): per unit (the OPD the request was assigned to, else the
one it was addressed to, else the province's PPID Utama) and for the province.

A year's report covers the requests registered that year (``InformationRequest.
year``) and everything that followed from them, even when the decision, the
objection or the dispute came the next year: a cohort, so each row adds up and
the province row is the sum of the unit rows. "Still open at year end" counts
the requests with no decision on 31 December of that year.

Counts are aggregated in the database (one grouped query per model); the
working days to decide are counted in Python over the decided requests' date
pairs (one ``values_list``; holidays come from the per-process memo of
``cms.core.workdays``), because the holiday calendar is not in SQL. A year's
report costs a fixed number of queries whatever the number of requests.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import mean, median

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from cms.core.visibility import public_pages
from cms.core.workdays import working_days_between

from . import clock
from .annual_columns import COLUMNS, DECISIONS, DISPUTE_OUTCOMES, column_keys
from .models import Dispute, InformationRequest, Objection

FIRST_YEAR = 2010  # UU 14/2008 took effect in 2010
UTAMA_TITLE = _("PPID Utama Provinsi Banten")
PROVINCE_TITLE = _("Provinsi Banten (jumlah)")


@dataclass(frozen=True)
class Ground:
    """A legal basis cited by refusals: a dikecualikan DIP entry or an article.
    A refusal that cites both is counted under each."""

    kind: str  # "dip" | "pasal"
    label: str
    count: int
    # A DIP entry's title may be shown publicly only while the entry is public.
    public: bool = True


@dataclass(frozen=True)
class Row:
    opd_id: int | None  # None: the PPID Utama row, or the province total
    title: str
    values: dict = field(default_factory=dict)  # column key -> int | float | None
    grounds: tuple[Ground, ...] = ()
    # Working days to decide, one per decided request: medians do not add up, so
    # a total is computed again from its rows' days.
    days: tuple[int, ...] = ()
    total: bool = False

    def __getitem__(self, key):
        return self.values[key]

    @property
    def cells(self) -> list:
        return [self.values[column.key] for column in COLUMNS]


@dataclass(frozen=True)
class AnnualReport:
    year: int
    rows: list[Row]
    total: Row
    # Cut down to some OPDs (``only``): the total is theirs, not the province's.
    partial: bool = False

    def only(self, opd_ids) -> "AnnualReport":
        """The same report cut down to some OPDs' rows (a PPID Pelaksana's view)."""
        rows = [row for row in self.rows if row.opd_id in set(opd_ids)]
        return AnnualReport(self.year, rows, _total(rows, _("Jumlah")), partial=True)


def _unit_expression(prefix: str = ""):
    return Coalesce(f"{prefix}assigned_opd", f"{prefix}addressed_opd")


def _scoped(queryset, prefix: str, year: int, opd_id):
    queryset = queryset.filter(**{f"{prefix}year": year}).annotate(
        unit=_unit_expression(prefix)
    )
    if opd_id is not None:
        queryset = queryset.filter(unit=opd_id)
    return queryset.order_by()


def _request_counts(year: int, opd_id) -> list[dict]:
    year_end = date(year, 12, 31)
    counts = {
        "received": Count("pk"),
        "decided": Count("pk", filter=Q(decided_on__isnull=False)),
        "on_time": Count("pk", filter=Q(decided_on__lte=F("due_on"))),
        "extended": Count("pk", filter=Q(extended_at__isnull=False)),
        "open_at_year_end": Count(
            "pk", filter=Q(decided_on__isnull=True) | Q(decided_on__gt=year_end)
        ),
    }
    for kind in DECISIONS:
        counts[kind] = Count("pk", filter=Q(decision=kind))
    return list(
        _scoped(InformationRequest.objects, "", year, opd_id)
        .annotate(unit_title=Coalesce("assigned_opd__title", "addressed_opd__title"))
        .values("unit", "unit_title")
        .annotate(**counts)
    )


def _decision_days(year: int, opd_id) -> dict:
    pairs = (
        _scoped(InformationRequest.objects, "", year, opd_id)
        .filter(decided_on__isnull=False)
        .values_list("unit", "filed_on", "decided_on")
    )
    days = defaultdict(list)
    for unit, filed_on, decided_on in pairs:
        days[unit].append(working_days_between(filed_on, decided_on))
    return days


def _refusal_grounds(year: int, opd_id) -> dict:
    rows = list(
        _scoped(InformationRequest.objects, "", year, opd_id)
        .filter(decision="ditolak")
        .values(
            "unit", "exemption_entry", "exemption_entry__title", "exemption_article"
        )
        .annotate(n=Count("pk"))
    )
    entry_ids = {row["exemption_entry"] for row in rows if row["exemption_entry"]}
    visible = (
        set(public_pages().filter(pk__in=entry_ids).values_list("pk", flat=True))
        if entry_ids
        else set()
    )
    tallies = defaultdict(lambda: defaultdict(int))
    for row in rows:
        if row["exemption_entry"]:
            key = ("dip", row["exemption_entry__title"], row["exemption_entry"])
            tallies[row["unit"]][key] += row["n"]
        article = " ".join(row["exemption_article"].split())
        if article:
            tallies[row["unit"]][("pasal", article, None)] += row["n"]
    return {
        unit: tuple(
            Ground(kind, label, n, public=entry is None or entry in visible)
            for (kind, label, entry), n in sorted(
                found.items(), key=lambda item: (-item[1], item[0][1].casefold())
            )
        )
        for unit, found in tallies.items()
    }


def _objection_counts(year: int, opd_id) -> dict:
    rows = (
        _scoped(Objection.objects, "request__", year, opd_id)
        .values("unit")
        .annotate(
            objections_filed=Count("pk"),
            objections_answered=Count("pk", filter=Q(answered_on__isnull=False)),
            objections_upheld=Count("pk", filter=Q(outcome="diterima")),
        )
    )
    return {row.pop("unit"): row for row in rows}


def _dispute_counts(year: int, opd_id) -> dict:
    rows = (
        _scoped(Dispute.objects, "objection__request__", year, opd_id)
        .values("unit", "outcome")
        .annotate(n=Count("pk"))
    )
    found = defaultdict(dict)
    for row in rows:
        found[row["unit"]][row["outcome"] or ""] = row["n"]
    return found


def _days_values(days: list[int]) -> dict:
    return {
        "median_days": median(days) if days else None,
        "mean_days": mean(days) if days else None,
    }


def _unit_values(counts: dict, objections: dict, disputes: dict, days) -> dict:
    values = {key: counts.get(key, 0) for key in column_keys("count")}
    values.update(objections)
    for outcome in DISPUTE_OUTCOMES:
        values[f"dispute_{outcome or 'pending'}"] = disputes.get(outcome, 0)
    values["disputes"] = sum(disputes.values())
    values.update(_days_values(days))
    return values


def _total(rows: list[Row], title=PROVINCE_TITLE) -> Row:
    values = {key: sum(row[key] for row in rows) for key in column_keys("count")}
    days = tuple(n for row in rows for n in row.days)
    values.update(_days_values(days))
    grounds = defaultdict(lambda: [0, True])
    for row in rows:
        for ground in row.grounds:
            tally = grounds[(ground.kind, ground.label)]
            tally[0] += ground.count
            tally[1] = tally[1] and ground.public
    ordered = sorted(grounds.items(), key=lambda i: (-i[1][0], i[0][1].casefold()))
    return Row(
        None,
        str(title),
        values,
        tuple(Ground(kind, label, n, public) for (kind, label), (n, public) in ordered),
        days,
        total=True,
    )


def annual_report(year: int, opd=None) -> AnnualReport:
    """The figures of ``year``: one row per unit with requests (PPID Utama first,
    then the OPDs by title) and the province total; ``opd`` (a page or its id)
    restricts the report to that OPD's requests."""
    opd_id = getattr(opd, "pk", opd)
    objections = _objection_counts(year, opd_id)
    disputes = _dispute_counts(year, opd_id)
    days = _decision_days(year, opd_id)
    grounds = _refusal_grounds(year, opd_id)
    rows = []
    for counts in _request_counts(year, opd_id):
        unit = counts["unit"]
        rows.append(
            Row(
                unit,
                counts["unit_title"] or str(UTAMA_TITLE),
                _unit_values(
                    counts, objections.get(unit, {}), disputes.get(unit, {}), days[unit]
                ),
                grounds.get(unit, ()),
                tuple(days[unit]),
            )
        )
    rows.sort(key=lambda row: (row.opd_id is not None, row.title.casefold()))
    return AnnualReport(year, rows, _total(rows))


def report_years() -> list[int]:
    """The years a report can be asked for, newest first: every year with a
    request, and the current one."""
    years = set(
        InformationRequest.objects.order_by().values_list("year", flat=True).distinct()
    )
    years.add(clock.today().year)
    return sorted(years, reverse=True)


def year_allowed(year: int) -> bool:
    """A report exists from UU 14/2008's first year to the current one."""
    return FIRST_YEAR <= year <= clock.today().year


def annual_rows(year: int, *, report: AnnualReport | None = None) -> list[list]:
    """The report as a table for CSV/XLSX: a header row (Indonesian), one row per
    unit, then the province total; numbers stay numbers."""
    report = report or annual_report(year)
    header = [str(_("Tahun")), str(_("Unit PPID"))]
    header += [str(column.label) for column in COLUMNS]
    rows = report.rows if report.partial else [*report.rows, report.total]
    return [header] + [[report.year, row.title, *row.cells] for row in rows]


def ground_rows(report: AnnualReport) -> list[list]:
    """Refusals by legal basis, one line per unit and basis (CSV/XLSX)."""
    header = [str(_("Tahun")), str(_("Unit PPID")), str(_("Jenis dasar"))]
    header += [str(_("Dasar pengecualian")), str(_("Jumlah penolakan"))]
    kinds = {"dip": str(_("Entri DIP dikecualikan")), "pasal": str(_("Pasal"))}
    return [header] + [
        [report.year, row.title, kinds[ground.kind], ground.label, ground.count]
        for row in report.rows
        for ground in row.grounds
    ]
