from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    name = "cms.guide"
    label = "guide"
    verbose_name = _("Panduan editor")
