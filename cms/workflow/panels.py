"""Dashboard panels for editors: my drafts and my OPD's recent items.

Wagtail's own "awaiting your review" panel (shown in Indonesian as "Menunggu tinjauan
anda") already lists the tasks a reviewer may approve; these complete the picture.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from cms.content.models import ContentPage
from cms.opd.selectors import opds_of_user

PANEL_SIZE = 10


class MyDraftsPanel(Component):
    name = "my_drafts"
    template_name = "editorial/panels/page_list.html"
    order = 205

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        pages = (
            Page.objects.filter(
                latest_revision__user=user, has_unpublished_changes=True
            )
            .order_by("-latest_revision_created_at")
            .specific(defer=True)[:PANEL_SIZE]
        )
        return {"panel_id": "my-drafts", "heading": _("Draf saya"), "pages": pages}


class MyOPDRecentPanel(Component):
    name = "my_opd_recent"
    template_name = "editorial/panels/page_list.html"
    order = 230

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        pages = (
            ContentPage.objects.filter(opd__in=opds_of_user(user))
            .select_related("opd")
            .order_by("-latest_revision_created_at")[:PANEL_SIZE]
        )
        return {
            "panel_id": "my-opd-recent",
            "heading": _("Konten terbaru OPD saya"),
            "pages": pages,
            "show_opd": True,
        }
