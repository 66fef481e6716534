from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "api.webhooks"
    label = "api_webhooks"
    verbose_name = _("Webhook")

    def ready(self):
        from .events import subscribe_to_changes
        from .report_events import subscribe_to_reports

        subscribe_to_changes()  # publishing records deliveries
        subscribe_to_reports()  # so do complaint steps (same transaction)
