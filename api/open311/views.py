"""GeoReport v2 endpoints (docs/api/open311.md). Plain Django views: the answers
are the specification's JSON and XML, not the API's own shapes.

Rate limits: every request spends its address's ``anon`` budget, or its key's when
it carries one (a POST's ``api_key``, or the API's key headers on any request:
``throttling.general_budget``, as the API does); a POST also the ``report_submit``
budget of its address (shared with the portal and the API), or ``report_submit_key``
of its key. Errors: 400 bad input, 403 unknown or revoked ``api_key``, 404
unknown service or request, 429 with ``Retry-After``. Not session-authenticated,
so no CSRF (csrf_exempt): a forged POST carries no credential we honour.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from api.keys.authentication import key_from_headers
from api.keys.selectors import api_key_by_hash, hash_key
from api.keys.services import KEY_PREFIX
from api.v1.report_limits import SUBMIT, spend_email_budget, spend_report_budget
from api.v1.throttling import client_ip, general_budget
from cms.complaints import services as complaints
from cms.complaints.models import Source
from cms.core.cache_client import CACHE_ERRORS
from cms.core.rate_limits import spend

from . import catalog, requests
from .formats import error, render
from .submit import BadRequest, parse

SERVICES_CACHE = "public, max-age=300"


class _Refused(Exception):
    def __init__(self, response):
        self.response = response


def _key(request, fmt):
    """The caller's API key: a POST's ``api_key`` or, on any request, the API's own
    key headers. None when absent; refused (403) when unknown or revoked."""
    secret = ""
    if request.method == "POST":
        secret = (request.POST.get("api_key") or "").strip()
    if not secret:
        secret = key_from_headers(request) or ""
    if not secret:
        return None
    key = None
    if secret.startswith(KEY_PREFIX) and len(secret) <= 200:
        key, _recent = api_key_by_hash(hash_key(secret))
    if key is None or not key.is_active:
        raise _Refused(error(fmt, 403, _("api_key tidak dikenal atau sudah dicabut.")))
    return key


def _limited(fmt, retry_after):
    seconds = max(1, int(retry_after or 1))
    message = ngettext(
        "Terlalu banyak permintaan. Coba lagi dalam %(s)d detik.",
        "Terlalu banyak permintaan. Coba lagi dalam %(s)d detik.",
        seconds,
    ) % {"s": seconds}
    return error(fmt, 429, message, headers={"Retry-After": str(seconds)})


def _spend_general(request, key, fmt):
    ident, limit = general_budget(key, client_ip(request))
    if limit is None:
        return
    try:
        allowed, retry_after, _found = spend(ident, *limit)
    except CACHE_ERRORS:
        return
    if not allowed:
        raise _Refused(_limited(fmt, retry_after))


def _answer(handler):
    def view(request, *args, fmt, **kwargs):
        try:
            key = _key(request, fmt)
            _spend_general(request, key, fmt)
            return handler(request, *args, fmt=fmt, key=key, **kwargs)
        except _Refused as refused:
            return refused.response

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return view


@require_GET
@_answer
def service_list(request, *, fmt, key):
    return render(fmt, "services", catalog.services(), cache_control=SERVICES_CACHE)


@require_GET
@_answer
def service_definition(request, code, *, fmt, key):
    category = catalog.active_categories().filter(slug=code.replace("\x00", "")).first()
    if category is None:
        return error(fmt, 404, _("Tidak ada layanan dengan service_code ini."))
    return render(
        fmt, "service_definition", catalog.definition(category),
        cache_control=SERVICES_CACHE,
    )  # fmt: skip


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@_answer
def request_list(request, *, fmt, key):
    if request.method == "POST":
        return _create(request, fmt, key)
    try:
        reports = requests.search(request.GET)
    except requests.BadQuery as bad:
        return error(fmt, 400, bad.message)
    return render(fmt, "service_requests", [requests.request_data(r) for r in reports])


def _create(request, fmt, key):
    retry_after = spend_report_budget(SUBMIT, request, key)
    if retry_after is not None:
        return _limited(fmt, retry_after)
    try:
        data = parse(request.POST)
        retry_after = spend_email_budget(data.get("reporter_email"))
        if retry_after is not None:
            return _limited(fmt, retry_after)
        report, _token = complaints.submit(
            data=data, uploads=[], source=Source.OPEN311, client_ip=client_ip(request)
        )
    except BadRequest as bad:
        return error(fmt, 400, *bad.messages)
    except ValidationError as invalid:
        return error(fmt, 400, *invalid.messages)
    # The reporter's link token is not given out here: an Open311 client has no
    # way to pass it on; a reporter with an email gets the link by email.
    answer = [
        {
            "service_request_id": report.tracking_code,
            "service_notice": _("Laporan diverifikasi dalam 3 hari kerja."),
            "account_id": "",
        }
    ]
    return render(fmt, "service_requests", answer, status=201)


@require_GET
@_answer
def request_detail(request, request_id, *, fmt, key):
    report = requests.find(request_id)
    if report is None:
        return error(fmt, 404, _("Tidak ada permintaan dengan service_request_id ini."))
    return render(fmt, "service_requests", [requests.request_data(report)])


@_answer
def not_found(request, *, fmt, key, rest=""):
    return error(fmt, 404, _("Alamat Open311 ini tidak dikenal."))
