"""The PPID pages of the portal: the information request form at
/ppid/permohonan/, its receipt, and the public register at /ppid/register/
(the requester's own page by secret link is ``ppid_requester_views``).

Everything works without JavaScript. The form, the receipt and the requester's
page are never cached (``never_cache``: they carry a CSRF token, a session or one
requester's data). A filled honeypot gets a thank-you page and nothing is stored,
as on /lapor/.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.core.client_address import client_ip
from cms.core.public_urls import public_url
from cms.core.security_headers import PRIVATE_PAGE_REFERRER_POLICY
from cms.core.workdays import deadline_label
from cms.ppid import clock, selectors, services
from cms.ppid.models import InformationRequest

from . import ppid_limits as limits
from .ppid_display import addressed_name, register_rows
from .ppid_forms import MAX_MB, RequestForm, add_service_errors

logger = logging.getLogger(__name__)

RECEIPT = "ppid_receipt"  # session: {"pk": ..., "token": ...} of the last request
REGISTER_PAGE_SIZE = 20


def _form_page(request, form, status=200, **extra):
    form.describe_fields()
    context = {
        "form": form,
        "max_mb": MAX_MB,
        "files_lost": form.is_bound and bool(request.FILES),
        **extra,
    }
    return render(request, "ppid/request_form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request):
    if request.method == "GET":
        # From an OPD's DIP page ("?opd=<id>"): addressed to its PPID Pelaksana.
        opd = request.GET.get("opd", "")
        ok = opd.isascii() and opd.isdigit() and len(opd) < 10
        initial = {"addressed_opd": int(opd)} if ok else {}
        return _form_page(request, RequestForm(initial=initial))
    form = RequestForm(request.POST, request.FILES)
    address = client_ip(request)
    if form.is_honeypot:
        logger.info("ppid honeypot filled: nothing stored")
        limits.spend_honeypot(address)
        return render(request, "ppid/thanks.html")
    if not form.is_valid():
        return _form_page(request, form, status=400)
    if not limits.submission_allowed(address, form.cleaned_data.get("email")):
        return _form_page(request, form, status=429, rate_limited=True)
    try:
        info_request, token = services.request_submit(
            data=form.request_data(),
            identity_upload=form.identity_upload,
            source="portal",
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, form, status=400)
    request.session[RECEIPT] = {"pk": info_request.pk, "token": token}
    return redirect("ppid-receipt")


@never_cache
def receipt(request):
    """The receipt, for the browser that filed: the secret link is shown here
    once (and emailed when an address was given); a reload shows the rest."""
    saved = request.session.get(RECEIPT)
    info_request = (
        InformationRequest.objects.filter(pk=saved.get("pk")).first() if saved else None
    )
    if info_request is None:
        return redirect("ppid-request")
    token = saved.pop("token", None)
    request.session[RECEIPT] = saved
    context = {
        "req": info_request,
        "addressed": addressed_name(info_request),
        "due_label": deadline_label(info_request.due_on, clock.today()),
        "secret_url": public_url(reverse("ppid-requester", args=[token]))
        if token
        else None,
    }
    response = render(request, "ppid/receipt.html", context)
    response["Referrer-Policy"] = PRIVATE_PAGE_REFERRER_POLICY
    return response


def register(request):
    """The public register: number, date, information asked, status, decision,
    OPD; never who asked (``selectors.public_register`` reads no identity)."""
    paginator = Paginator(selectors.public_register(), REGISTER_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("halaman"))
    context = {"page_obj": page, "paginator": paginator, "rows": register_rows(page)}
    return render(request, "ppid/register.html", context)
