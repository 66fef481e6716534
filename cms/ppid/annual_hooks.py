"""The annual report's admin URL (/admin/ppid/laporan/) and its entry in the
"Layanan Informasi" menu (``MENU_HOOK``). Imported by ``wagtail_hooks``."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin.menu import MENU_HOOK
from .annual_admin import may_view


class _ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view(request.user)


@hooks.register("register_admin_urls")
def register_annual_report_urls():
    return [path("ppid/laporan/", include("cms.ppid.annual_admin"))]


@hooks.register(MENU_HOOK)
def register_annual_report_menu_item():
    return _ReportMenuItem(
        _("Laporan tahunan"),
        reverse("ppid_annual:index"),
        name="ppid-laporan",
        icon_name="table",
        order=900,
    )
