"""Admin view of the search outbox, for system administrators and the province
communication team: is the public search up to date, and if not, why. The per-page
status is a HelpPanel on the content edit form (``search_indexing_tags``)."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.core.operations import ERROR, OK, WARNING, Fact, facts_provider
from cms.core.operations import can_view_operations as can_view_search_sync
from search.documents import alias_name, building_alias_name
from search.health import OUTBOX_MAX_AGE_SECONDS
from search.indexing.status import failing_rows, outbox_summary, page_index_status

logger = logging.getLogger(__name__)
# can_view_search_sync is cms's can_view_operations: one rule for this screen, the
# operations panel and its "ops" live channel.


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


@facts_provider(_("Sinkronisasi pencarian publik"))
def outbox_facts(request) -> list[Fact]:
    """Rows of the operations panel: how much waits and since when, what fails.
    Late past the readiness limit is a warning, four times past it an error."""
    summary = outbox_summary()
    limit = getattr(settings, "HEALTH_OUTBOX_MAX_AGE_SECONDS", OUTBOX_MAX_AGE_SECONDS)
    age = summary.oldest_age_seconds
    if not summary.pending:
        state, value = OK, _("Tidak ada perubahan yang menunggu")
    else:
        state = OK if age <= limit else WARNING if age <= 4 * limit else ERROR
        count = ngettext(
            "%(count)d perubahan menunggu",
            "%(count)d perubahan menunggu",
            summary.pending,
        ) % {"count": summary.pending}
        value = _("%(count)s, tertua %(age)s") % {
            "count": count,
            "age": timesince(summary.oldest),
        }
    link = reverse("search_outbox")
    failing = ngettext(
        "%(count)d perubahan gagal, dicoba lagi otomatis",
        "%(count)d perubahan gagal, dicoba lagi otomatis",
        summary.failing,
    ) % {"count": summary.failing}
    return [
        Fact(_("Antrean sinkronisasi pencarian"), value, state, link),
        Fact(
            _("Sinkronisasi pencarian yang gagal"),
            failing if summary.failing else _("Tidak ada"),
            WARNING if summary.failing else OK,
            link,
            summary.last_error if summary.failing else "",
        ),
    ]


def index_status_fragment(request, page_id: int):
    """The edit form's search status alone, re-fetched by the live admin when the
    outbox drains this page (only for who may open the page's editor)."""
    from django.http import Http404
    from django.shortcuts import get_object_or_404
    from django.template.response import TemplateResponse
    from wagtail.models import Page

    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        task = page.current_workflow_task
        if not (task and task.user_can_access_editor(page, request.user)):
            raise Http404
    return TemplateResponse(
        request,
        "search/admin/index_status.html",
        {"status": page_index_status(page.pk), "page_id": page.pk},
    )


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
