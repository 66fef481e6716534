"""The admin's Help menu ("Bantuan") opens our Indonesian editor guide instead of
Wagtail's English one on guide.wagtail.org."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [path("panduan/", include("cms.guide.urls"))]


def guide_menu_item() -> MenuItem:
    # "Help" is translated "Bantuan" by the project's catalog (locale/id); same
    # name, icon and place as Wagtail's own item.
    url = reverse("guide:index")
    return MenuItem(_("Help"), url, name="help", icon_name="help", order=11000)


@hooks.register("construct_main_menu")
def replace_help_menu(request, menu_items):
    """Wagtail's "Help" submenu links to its English guide and release notes; ours
    is one item, "Bantuan", to the guide (which also opens the keyboard shortcuts)."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
    menu_items.append(guide_menu_item())
