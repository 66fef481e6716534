"""The annual report in the admin, under /admin/ppid/laporan/ (namespace
``ppid_annual``): a year picker, the table per unit and the province total,
and the CSV and XLSX downloads.

PPID Utama and the Atasan PPID see every unit and the total; a PPID Pelaksana
sees its own OPD's row only (on the page and in the downloads); anyone else is
refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import clock
from .admin.roles import is_atasan, is_utama, opd_ids
from .annual import AnnualReport, annual_report, report_years, year_allowed
from .annual_columns import COLUMNS, report_tables
from .annual_export import csv_response, xlsx_response


def sees_province(user) -> bool:
    return is_utama(user) or is_atasan(user)


def may_view(user) -> bool:
    return sees_province(user) or bool(opd_ids(user))


def report_for(user, year: int) -> AnnualReport:
    """The report as ``user`` may see it."""
    if not may_view(user):
        raise PermissionDenied
    if sees_province(user):
        return annual_report(year)
    mine = opd_ids(user)
    if len(mine) == 1:
        return annual_report(year, opd=next(iter(mine))).only(mine)
    return annual_report(year).only(mine)


def checked_year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise Http404 from None
    if not year_allowed(year):
        raise Http404
    return year


class AnnualReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ppid/annual/admin.html"
    header_icon = "table"
    page_title = _("Laporan layanan informasi publik")

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The header names the last crumb: without this one it read "Beranda".
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = self.request.GET.get("tahun")
        year = checked_year(asked) if asked else clock.today().year
        report = report_for(self.request.user, year)
        context.update(
            report=report,
            year=year,
            years=report_years(),
            tables=report_tables(report),
            columns=COLUMNS,
        )
        return context


def download_csv(request, year: int, table: str = "ringkasan"):
    return csv_response(report_for(request.user, checked_year(year)), table)


def download_xlsx(request, year: int):
    return xlsx_response(report_for(request.user, checked_year(year)))


app_name = "ppid_annual"
urlpatterns = [
    path("", AnnualReportView.as_view(), name="index"),
    path("<int:year>/ringkasan.csv", download_csv, name="csv"),
    path(
        "<int:year>/alasan-penolakan.csv",
        download_csv,
        {"table": "alasan"},
        name="csv_grounds",
    ),
    path("<int:year>/laporan.xlsx", download_xlsx, name="xlsx"),
]
