from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OPDConfig(AppConfig):
    name = "cms.opd"
    label = "opd"
    verbose_name = _("Perangkat daerah (OPD)")

    def ready(self):
        from .subscribers import subscribe_all

        subscribe_all()
