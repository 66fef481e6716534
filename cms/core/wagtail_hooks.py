from django.urls import path
from wagtail import hooks

from cms.core.avatars import avatar_url
from cms.core.operations import OperationsPanel, panel_fragment
from cms.core.rich_text import PublicDocumentLinkHandler
from cms.core.worker_status import worker_facts


# After wagtail.documents' own registration (order 0), which this one replaces.
@hooks.register("register_rich_text_features", order=10)
def public_document_links(features):
    features.register_link_type(PublicDocumentLinkHandler)


@hooks.register("register_admin_viewset")
def holidays_viewset():
    from cms.core.holidays_admin import HolidayViewSet

    return HolidayViewSet("hari_libur")


# Initials instead of Gravatar (unreachable, and it would learn editors' emails).
hooks.register("get_avatar_url", avatar_url)


# --- Operations panel (cms/core/operations.py): superusers and the province team ---
@hooks.register("register_admin_urls")
def register_operations_urls():
    return [path("operasi/panel/", panel_fragment, name="operations_panel")]


@hooks.register("construct_homepage_panels")
def add_operations_panel(request, panels):
    panels.append(OperationsPanel())


# Last: search and api add their rows first (their own wagtail_hooks).
hooks.register("register_operations_facts", worker_facts, order=100)
