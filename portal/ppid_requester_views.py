"""The requester's own page by secret link, /ppid/permohonan/<token>/: status,
deadline, decision, answer documents and the public timeline, and the objection
form (art. 35(1) grounds) while the window is open; and the answer documents
themselves at /ppid/dokumen/<signed>/, by a signed, expiring link.

The token is a credential: the page is never stored (``no-store``), sends the
origin alone as Referer (``strict-origin``) and the token is never logged.
``objection_file`` checks the token and the window again; this page only shows
what is open now.
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cms.core.client_address import client_ip
from cms.core.security_headers import PRIVATE_PAGE_REFERRER_POLICY
from cms.ppid import selectors, services
from cms.ppid.grounds import grounds_display

from . import ppid_limits as limits
from .ppid_display import request_view
from .ppid_forms import ObjectionForm, add_service_errors

logger = logging.getLogger(__name__)

TEMPLATE = "ppid/requester.html"


def _private(response):
    response["Referrer-Policy"] = PRIVATE_PAGE_REFERRER_POLICY
    return response


def _page(request, info_request, form=None, status=200, **extra):
    view = request_view(info_request)
    form = form or ObjectionForm(allowed_grounds=view.allowed_grounds)
    form.describe_fields()
    context = {
        "view": view,
        "req": info_request,
        "form": form,
        "objection_rows": [
            {"objection": o, "grounds": grounds_display(o.grounds)}
            for o in view.objections
        ],
        **extra,
    }
    return _private(render(request, TEMPLATE, context, status=status))


def _unknown_link(request, status=404):
    return _private(render(request, "ppid/link_unknown.html", status=status))


@never_cache
@require_http_methods(["GET", "POST"])
def requester_page(request, token):
    info_request = selectors.find_by_token(token)
    if info_request is None:
        return _unknown_link(request)
    if request.method == "GET":
        return _page(request, info_request)
    if not limits.token_use_allowed(client_ip(request)):
        return _page(request, info_request, status=429, rate_limited=True)
    view = request_view(info_request)
    form = ObjectionForm(request.POST, allowed_grounds=view.allowed_grounds)
    if view.objection_until is None:
        return _page(request, info_request, status=409)
    if not form.is_valid():
        return _page(request, info_request, form=form, status=400)
    try:
        services.objection_file(
            request=info_request,
            token=token,
            grounds=form.cleaned_data["grounds"],
            reason=form.cleaned_data["reason"],
        )
    except PermissionDenied:
        return _unknown_link(request)
    except ValidationError as error:  # the window closed meanwhile, ...
        add_service_errors(form, error)
        info_request.refresh_from_db()
        return _page(request, info_request, form=form, status=400)
    messages.success(request, _("Keberatan Anda sudah kami terima."))
    return _private(redirect(request.path))


@never_cache
@require_GET
def document_download(request, signed):
    """An answer document, streamed from private storage as an attachment. A
    forged, altered or expired link is a 404 page saying so."""
    document = services.document_from_link(signed)
    if document is None:
        return _unknown_link(request, status=404)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        logger.warning("ppid document %s missing from storage", document.pk)
        raise Http404(_("Dokumen tidak ditemukan.")) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)
