"""The public annual report (included from ``portal.ppid_urls``)."""

from django.urls import path

from . import ppid_annual_views

urlpatterns = [
    path(
        "ppid/laporan/",
        ppid_annual_views.annual_report_page,
        name="ppid-annual-report",
    ),
    path(
        "ppid/laporan/<int:year>/",
        ppid_annual_views.annual_report_page,
        name="ppid-annual-report-year",
    ),
]
