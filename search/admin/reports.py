"""Admin views of the query side: the search report and the best-bet snippets,
grouped under a "Pencarian" menu (registered in ``wagtail_hooks.py``).

The report lists the last 30 days of the anonymous query log: the most searched
queries, and the queries that found nothing (candidates for new synonyms, best bets
or content). Visible to users with the ``view_searchquerystat`` permission.
"""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from search.queries.models import BestBet, SearchQueryStat
from search.queries.querylog import REPORT_DAYS, top_queries, zero_result_queries

VIEW_STATS = "public_search.view_searchquerystat"


class QueryReportView(ReportView):
    header_icon = "search"
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("query", label=_("Kata kunci")),
        Column("searches", label=_("Jumlah pencarian")),
        Column("zero_results", label=_("Tanpa hasil")),
    ]
    list_export = ["query", "searches", "zero_results"]
    export_headings = {
        "query": _("Kata kunci"),
        "searches": _("Jumlah pencarian"),
        "zero_results": _("Tanpa hasil"),
    }
    rows = staticmethod(top_queries)

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(SearchQueryStat)

    def get_page_subtitle(self):
        return _("%(days)d hari terakhir") % {"days": REPORT_DAYS}

    def get_queryset(self):
        return self.rows()


class TopQueriesView(QueryReportView):
    page_title = _("Kata kunci teratas")
    rows = staticmethod(top_queries)


class ZeroResultQueriesView(QueryReportView):
    page_title = _("Pencarian tanpa hasil")
    rows = staticmethod(zero_result_queries)


class _StatsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_STATS)


class QueryReportViewSet(ViewSet):
    view_class = TopQueriesView

    @cached_property
    def menu_item_class(self):
        return _StatsMenuItem

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        return [
            path("", self.view_class.as_view(**names), name="index"),
            path(
                "results/",
                self.view_class.as_view(results_only=True, **names),
                name="index_results",
            ),
        ]


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = _("Hasil unggulan")
    list_display = ["query", "page", "sort_order", "active", "expires_at"]
    list_filter = ["active"]
    search_fields = ["query"]
    search_backend_name = None  # plain database lookups on a small table
    ordering = ["query", "sort_order"]


class PublicSearchAdminGroup(ViewSetGroup):
    menu_label = _("Pencarian")
    menu_icon = "search"
    menu_order = 8500
    # Other search modules may add entries with this hook.
    submenu_hook = "register_public_search_menu_item"
    items = (
        BestBetViewSet,
        QueryReportViewSet(
            "laporan-pencarian",
            view_class=TopQueriesView,
            icon="list-ol",
            menu_label=_("Kata kunci teratas"),
        ),
        QueryReportViewSet(
            "pencarian-tanpa-hasil",
            view_class=ZeroResultQueriesView,
            icon="warning",
            menu_label=_("Pencarian tanpa hasil"),
        ),
    )
