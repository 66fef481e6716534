"""The dashboard's "Buat konten" panel: one click from the dashboard to the form.

An editor's OPD is implied: the links open Wagtail's add view under that OPD's page.
Editors of several OPDs get one row of links per OPD. People who work across every
OPD (province team, superusers) are in no OPD group: they pick the OPD in a list,
then the type; the form posts to Wagtail's "choose parent" view, which checks the
choice and opens the add view.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.opd.models import OPDPage
from cms.opd.selectors import opds_of_user

from .models import CONTENT_TYPES


def creatable_types() -> list:
    """What an editor makes by hand: follow-ups come only from the complaints
    verification team (``FollowUpPage.is_creatable`` is False)."""
    return [model for model in CONTENT_TYPES.values() if model.is_creatable]


def _add_links(opd, types) -> list[dict]:
    return [
        {
            "label": model._meta.verbose_name,
            "url": reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, opd.pk],
            ),
        }
        for model in types
        if model.can_create_at(opd)
    ]


def _choose_parent_links(types) -> list[dict]:
    return [
        {
            "label": model._meta.verbose_name,
            "url": reverse(
                "wagtailadmin_pages:choose_parent",
                args=[model._meta.app_label, model._meta.model_name],
            ),
        }
        for model in types
    ]


def _where_user_adds(user, opds) -> list:
    return [opd for opd in opds if opd.permissions_for_user(user).can_add_subpage()]


def create_groups(user) -> list[dict]:
    """Rows of links: ``{"opd": OPDPage | None, "links": [...]}``. ``opd`` is None
    for the one row whose buttons post the OPD chosen in ``choices``."""
    types = creatable_types()
    opds = _where_user_adds(user, opds_of_user(user).order_by("title"))
    groups = [{"opd": opd, "links": _add_links(opd, types)} for opd in opds]
    groups = [group for group in groups if group["links"]]
    if not groups and PagePermissionPolicy().user_has_permission(user, "add"):
        choices = _where_user_adds(user, OPDPage.objects.order_by("title"))
        if choices:
            links = _choose_parent_links(types)
            groups = [{"opd": None, "links": links, "choices": choices}]
    return groups


class CreateContentPanel(Component):
    name = "create_content"
    template_name = "content/admin/create_panel.html"
    # Before Wagtail's own panels: making an item is what an editor comes for.
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        groups = create_groups(request.user)
        return {
            "csrf_token": get_token(request),
            "panel_id": "create-content",
            "heading": _("Buat konten"),
            "groups": groups,
            "several": len(groups) > 1,
        }
