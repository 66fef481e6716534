"""The "Layanan Informasi" menu: a submenu with the queues the user may open
(shown only when one is: editors without a PPID role never see it), each labelled
with how many requests wait for the user there, and the sum on the menu itself."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from cms.ppid.models import InformationRequest, Objection

from .filters import UNDECIDED
from .roles import is_atasan, is_pelaksana, is_utama, opd_ids

MENU_HOOK = "register_ppid_menu_item"


def waiting_counts(user) -> dict[str, int]:
    """What waits for ``user``: unassigned requests (PPID Utama), undecided
    requests of their OPDs (PPID Pelaksana), unanswered objections (Atasan).
    Kept on the user object: one count per role per page."""
    if hasattr(user, "_ppid_waiting"):
        return user._ppid_waiting
    counts = {}
    if is_utama(user):
        counts["masuk"] = InformationRequest.objects.filter(
            status="diterima", assigned_opd__isnull=True
        ).count()
    if is_pelaksana(user):
        mine = opd_ids(user)
        counts["opd"] = (
            InformationRequest.objects.filter(status__in=UNDECIDED)
            .filter(
                Q(assigned_opd__in=mine)
                | Q(assigned_opd__isnull=True, addressed_opd__in=mine)
            )
            .count()
        )
    if is_atasan(user):
        counts["keberatan"] = Objection.objects.filter(answered_at__isnull=True).count()
    user._ppid_waiting = counts
    return counts


def with_count(label, count: int) -> str:
    return f"{label} ({count})" if count else str(label)


class _QueueMenuItem(MenuItem):
    def __init__(self, *args, queue: str, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.queue, self.allowed = queue, allowed

    def is_shown(self, request):
        return self.allowed(request.user)

    def render_component(self, request):
        # Menu items are shared between requests: build the counted label anew.
        count = waiting_counts(request.user).get(self.queue, 0)
        component = super().render_component(request)
        component.label = with_count(self.label, count)
        return component


class _PPIDSubmenu(SubmenuMenuItem):
    def render_component(self, request):
        component = super().render_component(request)
        total = sum(waiting_counts(request.user).values())
        component.label = with_count(self.label, total)
        return component


def ppid_menu_item() -> SubmenuMenuItem:
    # Other PPID screens (the annual report) may add entries with MENU_HOOK.
    items = [
        ("masuk", _("Masuk"), "mail", 100, is_utama),
        ("semua", _("Semua permohonan"), "list-ul", 200, is_utama),
        ("opd", _("OPD saya"), "tasks", 300, is_pelaksana),
        ("keberatan", _("Keberatan"), "warning", 400, is_atasan),
    ]
    menu = Menu(
        register_hook_name=MENU_HOOK,
        items=[
            _QueueMenuItem(
                label,
                reverse(f"ppid_admin:{queue}"),
                name=f"ppid-{queue}",
                icon_name=icon,
                order=order,
                queue=queue,
                allowed=allowed,
            )
            for queue, label, icon, order, allowed in items
        ],
    )
    return _PPIDSubmenu(
        _("Layanan Informasi"),
        menu,
        name="layanan-informasi",
        classname="ppid-menu",  # menu.css: the label wraps, the count stays seen
        icon_name="info-circle",
        order=260,
    )
