from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "api.webhooks"
    label = "api_webhooks"
    verbose_name = _("Webhook")

    def ready(self):
        from . import signals  # noqa: F401  (records deliveries on publish)
