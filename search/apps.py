from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "public_search"
    verbose_name = "Pencarian publik"

    def ready(self):
        from . import signals  # noqa: F401  (connects the outbox receivers)
