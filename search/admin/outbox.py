"""Admin view of the search outbox, for system administrators and the province
communication team: is the public search up to date, and if not, why. The per-page
status is a HelpPanel on the content edit form (``search_indexing_tags``)."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.opd.access import PROVINCE_GROUP
from search.documents import alias_name, building_alias_name
from search.indexing.status import failing_rows, outbox_summary

logger = logging.getLogger(__name__)


def can_view_search_sync(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=PROVINCE_GROUP).exists()
    )


class SearchOutboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/outbox.html"
    page_title = _("Sinkronisasi pencarian publik")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_sync(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        from search.tasks import enqueue_drain

        enqueue_drain()
        messages.success(request, _("Sinkronisasi dijadwalkan."))
        return redirect("search_outbox")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "summary": outbox_summary(),
            "failing": failing_rows(),
            "indexes": _index_info(),
            "configured": bool(settings.ELASTICSEARCH_URL),
        }


class SearchOutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_sync(request.user)


class SearchOutboxPanel(Component):
    """Dashboard panel: shown to the same people, only when something is pending."""

    name = "search_outbox"
    template_name = "search/admin/outbox_panel.html"
    order = 250

    def get_context_data(self, parent_context):
        return {"summary": outbox_summary()}

    def render_html(self, parent_context=None):
        request = (parent_context or {}).get("request")
        if request is None or not can_view_search_sync(request.user):
            return ""
        return super().render_html(parent_context)


def _index_info() -> dict:
    """Which index each alias points at and how many documents it holds; the error
    instead when Elasticsearch cannot be reached (the page must still render)."""
    if not settings.ELASTICSEARCH_URL:
        return {}
    from search.client import get_client
    from search.index_management import indexes_of

    try:
        client = get_client().options(request_timeout=3, max_retries=0)
        info = {"alias": alias_name(), "indexes": indexes_of(client, alias_name())}
        info["building"] = indexes_of(client, building_alias_name())
        if info["indexes"]:
            info["count"] = client.count(index=alias_name())["count"]
        return info
    except Exception as exc:
        logger.warning("Search status: Elasticsearch unavailable: %s", exc)
        return {"error": f"{type(exc).__name__}: {exc}"}
