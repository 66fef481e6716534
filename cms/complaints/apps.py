from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "cms.complaints"
    label = "complaints"
    verbose_name = _("Pengaduan dan aspirasi")

    def ready(self):
        from .subscribers import subscribe_all

        subscribe_all()
