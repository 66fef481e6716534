from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PPIDConfig(AppConfig):
    name = "cms.ppid"
    label = "ppid"
    verbose_name = _("Layanan informasi publik (PPID)")

    def ready(self):
        from .subscribers import subscribe_all

        subscribe_all()
