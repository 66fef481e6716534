"""Enrolment, verification and the one-time display of recovery codes.

Enrolment needs only the password session, and only while the user has no
confirmed authenticator: otherwise a stolen password could enrol a new one.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp import verify_token

from . import two_factor
from .forms import CodeForm

SESSION_CODES = "accounts_2fa_new_recovery_codes"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _render(request, template, context):
    context.setdefault("next", _next_url(request))
    return TemplateResponse(request, f"accounts/{template}", context)


def enrol(request):
    user = request.user
    if two_factor.has_authenticator(user):
        if user.is_verified():
            return redirect(_next_url(request))
        return redirect_to_login(_next_url(request), reverse("accounts_2fa_verify"))
    device = two_factor.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = two_factor.normalise_code(form.cleaned_data["code"])
        with transaction.atomic():
            confirmed = verify_token(user, device.persistent_id, code)
            if confirmed is not None:
                confirmed.confirmed = True
                confirmed.save(update_fields=["confirmed"])
                codes = two_factor.recovery_codes_renew(user)
        if confirmed is not None:
            otp_login(request, confirmed)
            request.session[SESSION_CODES] = codes
            return redirect_to_login(
                _next_url(request), reverse("accounts_2fa_recovery_codes")
            )
        form.add_error("code", _("Kode salah atau kedaluwarsa. Coba kode berikutnya."))
    return _render(
        request,
        "enrol.html",
        {
            "form": form,
            "qr_svg": two_factor.qr_svg(device),
            "secret": two_factor.secret_for_manual_entry(device),
        },
    )


def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_authenticator(user):
        return redirect_to_login(_next_url(request), reverse("accounts_2fa_enrol"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = two_factor.normalise_code(form.cleaned_data["code"])
        devices = two_factor.candidate_devices(user, code)
        waits = [d.verify_is_allowed()[1] for d in devices]
        for device in devices:
            verified = verify_token(user, device.persistent_id, code)
            if verified is not None:
                otp_login(request, verified)
                if not code.isdigit():
                    left = two_factor.recovery_codes_left(user)
                    messages.warning(
                        request,
                        _("Kode pemulihan terpakai; tersisa %(n)d.") % {"n": left},
                    )
                return redirect(_next_url(request))
        until = [w["locked_until"] for w in waits if w and "locked_until" in w]
        if until:
            seconds = max(1, int((max(until) - timezone.now()).total_seconds()) + 1)
            form.add_error(
                "code",
                ngettext(
                    "Terlalu banyak percobaan. Coba lagi dalam %(s)d detik.",
                    "Terlalu banyak percobaan. Coba lagi dalam %(s)d detik.",
                    seconds,
                )
                % {"s": seconds},
            )
        else:
            form.add_error("code", _("Kode salah."))
    return _render(request, "verify.html", {"form": form})


def recovery_codes(request):
    """Shown once, right after enrolment: the codes live only in the session."""
    codes = request.session.pop(SESSION_CODES, None)
    if not codes:
        return redirect(_next_url(request))
    shown = [f"{c[:4]}-{c[4:]}" for c in codes]
    return _render(request, "recovery_codes.html", {"codes": shown})
