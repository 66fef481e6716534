"""PPID (public-information requests) in the Wagtail admin: the "Layanan
Informasi" queues and request pages (``admin/``) and the annual report
(``annual_hooks``, which adds itself to the same menu)."""

from wagtail import hooks

from . import annual_hooks  # noqa: F401  (registers its hooks on import)


@hooks.register("register_admin_urls")
def register_ppid_admin_urls():
    from django.urls import include, path

    return [path("ppid/", include("cms.ppid.admin.urls"))]


@hooks.register("insert_global_admin_css")
def ppid_menu_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html(
        '<link rel="stylesheet" href="{}">', static("ppid/admin/menu.css")
    )


@hooks.register("register_admin_menu_item")
def register_ppid_menu():
    from .admin.menu import ppid_menu_item

    return ppid_menu_item()


@hooks.register("register_report_action")
def register_handover_action():
    """On a complaint that is really an information request, the complaints
    verification team hands it over to the PPID (``handover.request_from_report``)."""
    from .admin.handover import handover_action

    return [handover_action()]
