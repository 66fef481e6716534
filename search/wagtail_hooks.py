# --- Search index sync (outbox) ------------------------------------------------------
# The outbox view and dashboard panel for administrators and the province team; the
# per-page status is a HelpPanel on the content edit form (search_indexing_tags).
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_urls")
def register_search_outbox_urls():
    from .admin_views import SearchOutboxView

    return [path("search-sync/", SearchOutboxView.as_view(), name="search_outbox")]


class SearchOutboxMenuItem(MenuItem):
    def is_shown(self, request):
        from .admin_views import can_view_search_sync

        return can_view_search_sync(request.user)


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
    from .admin_views import SearchOutboxPanel

    panels.append(SearchOutboxPanel())


# --- end of search index sync ---------------------------------------------------


# --- Public search: best bets and the search report (query side) ---------------------
# A "Pencarian" menu with the best-bet snippets and the anonymous query report.
@hooks.register("register_admin_viewset")
def register_public_search_admin():
    from .report_views import PublicSearchAdminGroup

    return PublicSearchAdminGroup()


# --- end of public search query side -------------------------------------------------


# --- Search vocabulary (istilah pencarian) --------------------------------------------
# Editors' synonyms and protected words, a snippet in the "Pencarian" menu (the group's
# submenu hook); search.analysis reloads them within seconds of a save.
@hooks.register("register_admin_viewset")
def register_search_vocabulary_admin():
    from wagtail.snippets.views.snippets import SnippetViewSet

    from .vocabulary_models import SearchTerm

    class SearchTermViewSet(SnippetViewSet):
        model = SearchTerm
        icon = "search"
        menu_label = _("Istilah pencarian")
        menu_hook = "register_public_search_menu_item"
        menu_order = 50
        list_display = ["term", "expansions", "protect_from_stemming", "updated_at"]
        list_filter = ["protect_from_stemming"]
        search_fields = ["term", "expansions", "one_way_expansions", "notes"]
        search_backend_name = None  # plain database lookups; the model is not indexed

    return SearchTermViewSet()


# --- end of search vocabulary ---------------------------------------------------------
