from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from . import signals

        signals.connect()
