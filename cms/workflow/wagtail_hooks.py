from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem, PublishMenuItem

from . import views
from .services import SERTA_MERTA_ACTION, serta_merta_allowed


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "serta-merta/<int:page_id>/",
            views.serta_merta_confirm,
            name="editorial_serta_merta",
        )
    ]


class SertaMertaMenuItem(ActionMenuItem):
    label = _("Terbitkan serta merta")
    name = "action-serta-merta"
    icon_name = "warning"
    order = 15

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and serta_merta_allowed(page=page, user=context["request"].user)
        )

    def get_url(self, context):
        return reverse("editorial_serta_merta", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_serta_merta_item():
    return SertaMertaMenuItem()


class ConfirmedPublishMenuItem(PublishMenuItem):
    """Wagtail's "Publish", asking for confirmation in a dialog first."""

    template_name = "editorial/action_menu/publish_confirmed.html"


@hooks.register("construct_page_action_menu")
def confirm_before_publishing(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is PublishMenuItem:
            menu_items[index] = ConfirmedPublishMenuItem(order=item.order)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        SERTA_MERTA_ACTION, _("Terbit serta merta"), _("Terbit serta merta")
    )


@hooks.register("register_admin_viewset")
def register_content_feedback_views():
    from cms.content.models import ContentPage

    from .page_views import EditorialPageViewSet

    return EditorialPageViewSet("editorial_content", model=ContentPage)


@hooks.register("register_admin_viewset")
def register_dip_feedback_views():
    from cms.dip.models import DIPEntryPage

    from .page_views import EditorialPageViewSet

    return EditorialPageViewSet("editorial_dip_entries", model=DIPEntryPage)


@hooks.register("construct_homepage_panels")
def add_editor_panels(request, panels):
    from .panels import MyDraftsPanel, MyOPDRecentPanel

    panels.extend([MyDraftsPanel(), MyOPDRecentPanel()])
