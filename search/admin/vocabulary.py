"""The editors' search vocabulary (istilah pencarian) as a snippet in the "Pencarian"
menu (the group's submenu hook); ``search.language.analysis`` reloads it within
seconds of a save."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from search.language.models import SearchTerm


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
