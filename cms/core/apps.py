from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Sipanganten"

    def ready(self):
        # The content generation follows every public change (API and portal
        # caches key on it): its signal receivers connect on import.
        from cms.core import content_generation  # noqa: F401
