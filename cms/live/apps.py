from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "cms.live"
    label = "live"
    verbose_name = _("Pembaruan langsung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cases, fanout

        fanout.subscribe_to_changes()
        cases.subscribe_to_reports()
