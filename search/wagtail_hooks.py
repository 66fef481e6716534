"""Wagtail hooks of the public search (Wagtail finds them by this module name); the
screens themselves live in ``search/admin/``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin.outbox import (
    SearchOutboxMenuItem,
    SearchOutboxPanel,
    SearchOutboxView,
    index_status_fragment,
    outbox_facts,
)
from .admin.reports import PublicSearchAdminGroup
from .admin.vocabulary import SearchTermViewSet


# --- Search index sync (outbox): administrators and the province team ---------------
@hooks.register("register_admin_urls")
def register_search_outbox_urls():
    return [
        path("search-sync/", SearchOutboxView.as_view(), name="search_outbox"),
        path(
            "search-sync/pages/<int:page_id>/",
            index_status_fragment,
            name="search_index_status",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_search_outbox_menu_item():
    return SearchOutboxMenuItem(
        _("Sinkronisasi pencarian"),
        reverse("search_outbox"),
        icon_name="search",
        order=900,
    )


@hooks.register("construct_homepage_panels")
def add_search_outbox_panel(request, panels):
    panels.append(SearchOutboxPanel())


# Rows of the operations panel (cms/core/operations.py).
hooks.register("register_operations_facts", outbox_facts)


# --- Public search: a "Pencarian" menu with best bets, the query report and the -----
# editors' vocabulary (added to the group through its submenu hook).
@hooks.register("register_admin_viewset")
def register_public_search_admin():
    return PublicSearchAdminGroup()


@hooks.register("register_admin_viewset")
def register_search_vocabulary_admin():
    return SearchTermViewSet()
