"""CSV and XLSX downloads of the annual report: the same rows as the page
(``annual_rows``, ``ground_rows``), Indonesian headers, numbers as numbers.

Titles and legal articles are typed by staff: a text cell that a spreadsheet
would read as a formula is written as text (XLSX) or defused with a leading
apostrophe (CSV), the usual guard against formula injection.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .annual import AnnualReport, annual_rows, ground_rows
from .annual_columns import COLUMNS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DAYS_HEADERS = {str(column.label) for column in COLUMNS if column.kind == "days"}


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _filename(report: AnnualReport, suffix: str, extension: str) -> str:
    return f"laporan-layanan-informasi-{report.year}{suffix}.{extension}"


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(report: AnnualReport, table: str = "ringkasan") -> HttpResponse:
    """``table``: "ringkasan" (one row per unit and the total) or "alasan"
    (refusals by legal basis). UTF-8 with a BOM, so spreadsheets read it right."""
    rows = (
        ground_rows(report)
        if table == "alasan"
        else annual_rows(report.year, report=report)
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    suffix = "-alasan-penolakan" if table == "alasan" else ""
    return _attachment(response, _filename(report, suffix, "csv"))


def _fill(sheet, rows: list[list], widths: dict[int, int] | None = None) -> None:
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":  # staff text beginning with "="
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        if cell.value in _DAYS_HEADERS:
            for (below,) in sheet.iter_rows(
                min_row=2, min_col=cell.column, max_col=cell.column
            ):
                below.number_format = "0.0"
    sheet.freeze_panes = "C2"
    for column, width in (widths or {}).items():
        sheet.column_dimensions[chr(ord("A") + column)].width = width


def xlsx_response(report: AnnualReport) -> HttpResponse:
    """Three sheets: the summary per unit, refusals by legal basis, and what each
    column means."""
    book = Workbook()
    summary = book.active
    summary.title = _("Ringkasan")
    _fill(summary, annual_rows(report.year, report=report), {1: 40})
    grounds = book.create_sheet(_("Alasan penolakan"))
    _fill(grounds, ground_rows(report), {1: 40, 3: 60})
    legend = book.create_sheet(_("Keterangan"))
    _fill(
        legend,
        [[_("Kolom"), _("Arti")]]
        + [[str(column.label), str(column.help)] for column in COLUMNS],
        {0: 40, 1: 100},
    )
    legend.freeze_panes = "A2"
    content = io.BytesIO()
    book.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_TYPE)
    return _attachment(response, _filename(report, "", "xlsx"))
