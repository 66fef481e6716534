"""Webhooks in the Wagtail admin: a Settings menu item for superusers and for the
editors of an OPD (who see and manage their own OPD's endpoints only)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .operations import webhook_facts


@hooks.register("register_admin_urls")
def register_webhook_urls():
    return [path("webhooks/", include("api.webhooks.admin_urls"))]


class WebhookMenuItem(MenuItem):
    def is_shown(self, request):
        from .selectors import can_manage_webhooks

        return can_manage_webhooks(request.user)


@hooks.register("register_settings_menu_item")
def register_webhook_menu_item():
    return WebhookMenuItem(
        _("Webhook situs OPD"),
        reverse("api_webhooks:index"),
        icon_name="link",
        order=910,
    )


# Rows of the operations panel (cms/core/operations.py), after search's.
hooks.register("register_operations_facts", webhook_facts, order=10)
