"""/ppid/laporan/ and /ppid/laporan/<year>/: the annual public-information
service report, numbers only (never a requester or the text of a request).

The figures are ``cms.ppid.annual``'s, the same as the admin page and the
downloads. The page follows the requests, not published content, so the page
cache (``@cacheable``) keeps it at most ``PORTAL_PAGE_CACHE_TTL`` (5 minutes),
and browsers and proxies as long.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cms.ppid import clock
from cms.ppid.annual import annual_report, report_years, year_allowed
from cms.ppid.annual_columns import COLUMNS, report_tables

from .cache import cacheable, ttl


@require_safe
@cacheable
def annual_report_page(request, year: int | None = None):
    current = clock.today().year
    if year is None:
        year = current
    elif not year_allowed(year):
        raise Http404
    report = annual_report(year)
    response = render(
        request,
        "ppid/annual_report.html",
        {
            "year": year,
            "running": year == current,
            "report": report,
            "tables": report_tables(report),
            "columns": COLUMNS,
            "years": report_years(),
        },
    )
    patch_cache_control(response, public=True, max_age=ttl())
    return response
