from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "public_search"
    verbose_name = "Pencarian publik"

    def ready(self):
        from .indexing.changes import subscribe_to_changes

        subscribe_to_changes()  # every public change writes the outbox
