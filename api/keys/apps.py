from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class APIKeysConfig(AppConfig):
    name = "api.keys"
    label = "api_keys"
    verbose_name = _("Kunci API")

    def ready(self):
        # CORS asks which origins may read; cached key records follow the OPDs.
        from api.keys import cors, schema  # noqa: F401
        from api.keys.services import subscribe_to_changes

        subscribe_to_changes()
