from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "cms.notifications"
    label = "notifications"
    verbose_name = _("Notifikasi")

    def ready(self):
        from .subscribers import subscribe_to_reports

        subscribe_to_reports()  # report events write email outbox rows
