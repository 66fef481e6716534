"""The live admin's place in Wagtail: its URLs, the bell in the menu, the script
on every admin page."""

import time

from django.conf import settings
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_live_urls():
    return [path("live/", include(urls, namespace="live"))]


@hooks.register("register_icons")
def register_bell_icon(icons):
    return [*icons, "live/icons/bell.svg"]


@hooks.register("register_admin_menu_item")
def register_notifications_menu_item():
    return MenuItem(
        _("Notifikasi"),
        reverse("live:notifications"),
        name="notifications",
        icon_name="bell",
        order=50,
    )


@hooks.register("insert_global_admin_js")
def live_admin_js():
    if not settings.LIVE_ENABLED:
        return ""
    config = {
        "stream": reverse("live_stream"),
        "dashboard": reverse("live:dashboard"),
        "summary": reverse("live:notification_summary"),
        "notifications": reverse("live:notifications"),
        "banner": reverse("live:page_banner", args=[0]),
        # Events logged from here on are replayed to this page (2 s of slack for
        # clocks: a replayed event only makes the page look again).
        "since": f"{int(time.time() * 1000) - 2000}-0",
    }
    return format_html(
        '{}<link rel="stylesheet" href="{}"><script src="{}" defer></script>',
        json_script(config, "live-config"),
        static("live/live.css"),
        static("live/live.js"),
    )
