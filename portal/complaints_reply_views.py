"""The reporter's secret link page, /lapor/balas/<token>/: the whole own report
(description, place, own contact details, the public timeline), and the
reporter's actions: reply with a message and files, confirm the resolution, or
reopen it once with a reason. The services check the token and the transition
again; this page only shows the actions that are open now.

The token is a credential: the page is never stored (``no-store``), its
Referer carries the origin alone (``strict-origin``, so the path with the token
reaches neither our static files' access log nor anyone else), and the token is
never logged.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.complaints import selectors, services
from cms.complaints.models import Report
from cms.complaints.regions import region_name
from cms.complaints.transitions import allowed_actions
from cms.complaints.uploads import MAX_FILES
from cms.core.security_headers import PRIVATE_PAGE_REFERRER_POLICY
from cms.core.workdays import deadline_label

from .complaints_display import report_summary
from .complaints_followup_forms import ReopenForm, ReplyForm
from .complaints_forms import MAX_MB

TEMPLATE = "complaints/reply.html"


def report_for_token(token: str) -> Report | None:
    """The report a secret link opens."""
    return selectors.find_by_reply_token(token)


def _private(response):
    response["Referrer-Policy"] = PRIVATE_PAGE_REFERRER_POLICY
    return response


def _page(request, report, status=200, reply_form=None, reopen_form=None, errors=()):
    actions = set(allowed_actions(report))
    can_reopen = (
        "reopen" in actions
        and not report.reopened
        and report.confirmed_at is None
        and report.reopen_due is not None
    )
    reply_form = reply_form or ReplyForm()
    reopen_form = reopen_form or ReopenForm()
    reply_form.describe_fields()
    reopen_form.describe_fields()
    context = {
        "report": report,
        "summary": report_summary(report),
        "region": region_name(report.region),
        "attachments": list(report.attachments.all()),
        "can_reply": "reporter_reply" in actions,
        "can_confirm": "confirm" in actions and report.confirmed_at is None,
        "can_reopen": can_reopen,
        "reopen_label": deadline_label(report.reopen_due) if can_reopen else "",
        "reply_form": reply_form,
        "reopen_form": reopen_form,
        "max_files": MAX_FILES,
        "max_mb": MAX_MB,
        "errors": errors,
    }
    return _private(render(request, TEMPLATE, context, status=status))


def _unknown_link(request):
    """A 404 that says what went wrong (a mistyped or replaced link) and how to go
    on with the tracking code, rather than the site's generic 'not found'."""
    return _private(render(request, "complaints/link_unknown.html", status=404))


@never_cache
@require_http_methods(["GET", "POST"])
def reply_page(request, token):
    report = report_for_token(token)
    if report is None:
        return _unknown_link(request)
    if request.method == "GET":
        return _page(request, report)
    action = request.POST.get("tindakan")
    try:
        if action == "balas":
            form = ReplyForm(request.POST, request.FILES)
            if not form.is_valid():
                return _page(request, report, status=400, reply_form=form)
            services.reporter_reply(
                report, token, form.cleaned_data["message"], form.uploads
            )
            messages.success(request, _("Balasan Anda sudah terkirim."))
        elif action == "konfirmasi":
            services.confirm(report, token)
            messages.success(request, _("Terima kasih, laporan Anda kami tutup."))
        elif action == "buka":
            form = ReopenForm(request.POST)
            if not form.is_valid():
                return _page(request, report, status=400, reopen_form=form)
            services.reopen(report, token, form.cleaned_data["reason"])
            messages.success(request, _("Laporan Anda dibuka kembali."))
        else:
            return _page(request, report, status=400)
    except PermissionDenied:  # the token no longer matches (a race with a reset)
        return _unknown_link(request)
    except ValidationError as error:  # not open any more (the service decides)
        report.refresh_from_db()
        return _page(request, report, status=409, errors=error.messages)
    # Post/Redirect/Get: a reload does not send the reply twice.
    return _private(redirect(request.path))
