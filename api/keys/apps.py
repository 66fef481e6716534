from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class APIKeysConfig(AppConfig):
    name = "api.keys"
    label = "api_keys"
    verbose_name = _("Kunci API")
