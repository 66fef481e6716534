"""The operations panel on the admin dashboard: is the machinery behind publishing
keeping up (search sync, webhooks to OPD sites, the Celery worker)?

cms knows nothing of search or api (the layers point inwards), so each package
contributes its own rows through the ``register_operations_facts`` hook: a function
taking the request (links only where the reader may go) and returning a list of
``Fact``. A provider that raises shows one "tidak dapat dibaca"
row instead of its rows; the dashboard always renders.

The panel re-renders itself: its root element names a fragment URL
(``operations_panel``) that cms/live refetches on "ops" events and every 30 s
(/work/live_spec.md: ``data-live-src``).
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpResponse, HttpResponseForbidden
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms.opd.access import PROVINCE_GROUP

logger = logging.getLogger(__name__)

HOOK = "register_operations_facts"
OK, WARNING, ERROR = "ok", "warning", "error"
# Said in words (and an icon), never by colour alone.
STATE_LABELS = {OK: _("Baik"), WARNING: _("Perhatian"), ERROR: _("Galat")}
STATE_ICONS = {OK: "success", WARNING: "warning", ERROR: "error"}
RANK = {OK: 0, WARNING: 1, ERROR: 2}
REFRESH_SECONDS = 30


@dataclass(frozen=True)
class Fact:
    """One row of the panel: what is measured, its value and whether it is fine."""

    label: str
    value: str
    state: str = OK
    link: str = ""
    help: str = ""

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def state_icon(self) -> str:
        return STATE_ICONS.get(self.state, "help")


def can_view_operations(user) -> bool:
    """Superusers and the province communication team: they act on a stuck search
    sync or a failing OPD site; OPD editors only see their own content."""
    return bool(
        user.is_active
        and (user.is_superuser or user.groups.filter(name=PROVINCE_GROUP).exists())
    )


def facts_provider(label):
    """Names a provider's rows, for the one row shown when the provider raises.
    Use below ``@hooks.register(HOOK)``."""

    def mark(func):
        func.operations_label = label
        return func

    return mark


def collect_facts(request) -> list[Fact]:
    """Every provider's rows, in hook order. Each runs in its own savepoint, so a
    failed query in one cannot abort the transaction the others read in."""
    facts = []
    for provider in hooks.get_hooks(HOOK):
        try:
            with transaction.atomic():
                facts.extend(provider(request))
        except Exception as exc:  # one broken source must not hide the others
            logger.warning(
                "Operations facts of %s failed", provider.__qualname__, exc_info=True
            )
            facts.append(
                Fact(
                    label=getattr(provider, "operations_label", provider.__module__),
                    value=_("tidak dapat dibaca"),
                    state=ERROR,
                    # The class only: messages may carry URLs with credentials.
                    help=type(exc).__name__,
                )
            )
    return facts


def panel_context(request) -> dict:
    facts = collect_facts(request)
    ranks = [RANK.get(fact.state, RANK[ERROR]) for fact in facts]
    worst = max(ranks, default=RANK[OK])
    return {
        "facts": facts,
        "overall": Fact(
            _("Keseluruhan"),
            "",
            next(state for state, rank in RANK.items() if rank == worst),
        ),
        "checked_at": timezone.localtime(),
        "live_attrs": {
            "data-live-src": reverse("operations_panel"),
            "data-live-topics": "ops",
            "data-live-interval": str(REFRESH_SECONDS),
        },
    }


class OperationsPanel(Component):
    """Dashboard panel, after the editors' panels; empty for everyone else."""

    name = "operations"
    template_name = "core/operations/panel.html"
    order = 260

    def get_context_data(self, parent_context):
        return panel_context(parent_context["request"])

    def render_html(self, parent_context=None):
        request = (parent_context or {}).get("request")
        if request is None or not can_view_operations(request.user):
            return ""
        return super().render_html(parent_context)


@never_cache
def panel_fragment(request):
    """The panel alone, for the live refetch (same people as the panel). A plain
    403: Wagtail turns PermissionDenied into a redirect to the dashboard, whose
    page a script would then take for the fragment."""
    if not can_view_operations(request.user):
        return HttpResponseForbidden()
    return HttpResponse(OperationsPanel().render_html({"request": request}))
