"""PPID emails through the notification outbox (``cms.notifications.records``).

Requester emails go to the requester only. Emails to PPID officers carry the
register number, the information asked and the deadline, never the requester's
identity or contacts (those are read in the admin, behind its checks).
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from cms.core.workdays import deadline_label
from cms.notifications.context import admin_url, site_url
from cms.notifications.records import email_queue

from .access import ATASAN_GROUP, UTAMA_GROUP, pelaksana_group_name
from .steps import today

SERVICE = "Layanan Informasi Publik (PPID)"


def requester_url(token: str) -> str:
    return site_url(f"/ppid/permohonan/{token}/")


def _group(name: str) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=name)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def utama_addresses() -> list[str]:
    return _group(UTAMA_GROUP)


def atasan_addresses() -> list[str]:
    return _group(ATASAN_GROUP)


def pelaksana_addresses(opd) -> list[str]:
    own = [opd.ppid_email] if opd.ppid_email else []
    return sorted(set(_group(pelaksana_group_name(opd)) + own))


def handler_addresses(request) -> list[str]:
    """Who answers now: the OPD's PPID Pelaksana, else PPID Utama."""
    opd = request.assigned_opd or request.addressed_opd
    return pelaksana_addresses(opd) if opd is not None else utama_addresses()


def escalation_addresses() -> list[str]:
    extra = list(getattr(settings, "PPID_ESCALATION_EMAILS", []))
    return sorted(set(utama_addresses() + extra))


def facts(request, **extra) -> dict:
    """What any email may say about a request: no identity, no contacts."""
    opd = request.assigned_opd or request.addressed_opd
    return {
        "service": SERVICE,
        "number": request.register_number,
        "information": request.information_requested,
        "filed_on": request.filed_on,
        "due": request.due_on,
        "due_label": deadline_label(request.due_on, today()),
        "status": request.get_status_display(),
        "opd": opd.title if opd is not None else "PPID Utama Provinsi Banten",
        "admin_url": admin_url(),
        "register_url": site_url("/ppid/register/"),
        **extra,
    }


def to_requester(request, template: str, **extra) -> list[int]:
    if not request.email:
        return []
    context = facts(request, name=request.requester_name, **extra)
    return email_queue(
        to=[request.email],
        template=f"ppid_{template}",
        context=context,
        kind=f"ppid_{template}",
    )


def to_officers(addresses, request, template: str, **extra) -> list[int]:
    return email_queue(
        to=addresses,
        template=f"ppid_{template}",
        context=facts(request, **extra),
        kind=f"ppid_{template}",
    )
