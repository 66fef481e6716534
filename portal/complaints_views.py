"""The citizens' complaint pages: the report form at /lapor/, its receipt, and
following a report by code at /lapor/lacak/ (the reporter's secret link page is
``complaints_reply_views``).

Everything works without JavaScript. None of these pages is ever cached
(``never_cache``: private, no-store; and none opts in to the portal page cache):
they carry a CSRF token, a session or one reporter's report.

A filled honeypot field gets the same kind of answer as a real submission (a
thank-you page, status 200) but nothing is stored: a bot learns nothing, and the
field is hidden and labelled "Jangan diisi" for the rare person who finds it.
"""

import logging

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.complaints import services
from cms.complaints.public import find_public
from cms.complaints.uploads import MAX_FILES
from cms.core.client_address import client_ip
from cms.core.public_urls import public_url
from cms.core.security_headers import (
    PERMISSIONS_POLICY,
    PRIVATE_PAGE_REFERRER_POLICY,
)

from . import complaints_limits as limits
from .complaints_display import report_summary
from .complaints_followup_forms import TrackForm
from .complaints_forms import MAX_MB, ReportForm, add_service_errors

logger = logging.getLogger(__name__)

GEOLOCATION_ALLOWED = PERMISSIONS_POLICY.replace("geolocation=()", "geolocation=(self)")
RECEIPTS = "complaints_receipts"  # session: codes this browser submitted
TOKENS = "complaints_tokens"  # session: secret links not emailed, shown once


def _form_page(request, form, status=200, **extra):
    form.describe_fields()
    context = {
        "form": form,
        "max_files": MAX_FILES,
        "max_mb": MAX_MB,
        "files_lost": form.is_bound and bool(request.FILES),
        **extra,
    }
    response = render(request, "complaints/report_form.html", context, status=status)
    # "Gunakan lokasi saya": this page alone may ask for the position (the site
    # denies it everywhere else; SecurityHeadersMiddleware keeps a view's header).
    response["Permissions-Policy"] = GEOLOCATION_ALLOWED
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request):
    if request.method == "GET":
        return _form_page(request, ReportForm())
    form = ReportForm(request.POST, request.FILES)
    address = client_ip(request)
    if form.is_honeypot:
        logger.info("complaint honeypot filled: nothing stored")
        limits.spend_honeypot(address)
        return render(request, "complaints/thanks.html")
    if not form.is_valid():
        return _form_page(request, form, status=400)
    if not limits.submission_allowed(address, form.cleaned_data["reporter_email"]):
        return _form_page(request, form, status=429, rate_limited=True)
    try:
        report, token = services.submit(
            data=form.report_data(),
            uploads=form.uploads,
            source="portal",
            client_ip=address,
        )
    except services.DuplicateReport as error:
        return _form_page(
            request,
            form,
            status=409,
            duplicate_code=error.tracking_code,
            # Where the secret link went: by email, or shown once on the receipt.
            duplicate_emailed=bool(form.cleaned_data.get("reporter_email")),
        )
    except ValidationError as error:  # e.g. the category was retired meanwhile
        add_service_errors(form, error)
        return _form_page(request, form, status=400)
    _remember(request, report.tracking_code, token, form.cleaned_data)
    return redirect("complaints-receipt", code=report.tracking_code)


def _remember(request, code: str, token: str, data: dict) -> None:
    """The receipt is for the browser that sent the report; the secret link is
    shown there once when no email will carry it."""
    request.session[RECEIPTS] = [*request.session.get(RECEIPTS, [])[-9:], code]
    if not data.get("reporter_email"):
        request.session[TOKENS] = {**request.session.get(TOKENS, {}), code: token}


@never_cache
def receipt(request, code):
    if code not in request.session.get(RECEIPTS, []):
        # Another browser (or a guessed URL): following by code is rate-limited.
        return redirect(f"{reverse('complaints-track')}?kode={code}")
    report = find_public(code)
    if report is None:
        raise Http404(_("Laporan tidak ditemukan."))
    tokens = request.session.get(TOKENS, {})
    token = tokens.pop(code, None)
    if token:
        request.session[TOKENS] = tokens
    reply_url = public_url(reverse("complaints-reply", args=[token])) if token else None
    context = {
        "report": report,
        "summary": report_summary(report),
        "reply_url": reply_url,
    }
    response = render(request, "complaints/receipt.html", context)
    response["Referrer-Policy"] = PRIVATE_PAGE_REFERRER_POLICY
    return response


@never_cache
def track(request):
    if "kode" not in request.GET:
        form = TrackForm()
        form.describe_fields()
        return render(request, "complaints/track.html", {"form": form})
    form = TrackForm(request.GET)
    address = client_ip(request)
    status, context = 200, {"form": form}
    if limits.lookups_blocked(address):
        status, context["rate_limited"] = 429, True
    elif not form.is_valid():
        status = 400
    else:
        report = find_public(form.cleaned_data["kode"])
        if report is None:
            limits.lookup_miss_allowed(address)
            status, context["not_found"] = 404, True
        else:
            context["summary"] = report_summary(report)
            context["report"] = report
    form.describe_fields()
    return render(request, "complaints/track.html", context, status=status)
