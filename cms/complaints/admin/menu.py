"""The "Aduan Masyarakat" menu: a submenu with the queues the user may open, so
editors without a complaints role never see it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .roles import is_liaison, is_verifier

MENU_HOOK = "register_complaints_menu_item"


class _VerifierMenuItem(MenuItem):
    def is_shown(self, request):
        return is_verifier(request.user)


class _LiaisonMenuItem(MenuItem):
    def is_shown(self, request):
        return is_liaison(request.user)


def complaints_menu_item() -> SubmenuMenuItem:
    # Other complaint screens may add entries to this submenu with MENU_HOOK.
    menu = Menu(
        register_hook_name=MENU_HOOK,
        items=[
            _VerifierMenuItem(
                _("Masuk"),
                reverse("complaints_admin:masuk"),
                name="aduan-masuk",
                icon_name="mail",
                order=100,
            ),
            _VerifierMenuItem(
                _("Semua"),
                reverse("complaints_admin:semua"),
                name="aduan-semua",
                icon_name="list-ul",
                order=200,
            ),
            _LiaisonMenuItem(
                _("Didisposisikan ke OPD saya"),
                reverse("complaints_admin:opd"),
                name="aduan-opd",
                icon_name="tasks",
                order=300,
            ),
        ],
    )
    return SubmenuMenuItem(
        _("Aduan Masyarakat"),
        menu,
        name="aduan-masyarakat",
        icon_name="comment",
        order=250,
    )
