from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class APIKeysConfig(AppConfig):
    name = "api.keys"
    label = "api_keys"
    verbose_name = _("Kunci API")

    def ready(self):
        # Cached key records follow the database; CORS asks which origins may read.
        from api.keys import cors, schema, signals  # noqa: F401
