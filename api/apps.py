from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from . import tasks
        from .tombstones import subscribe_to_changes
        from .v1 import stored_details

        subscribe_to_changes()  # mirrors learn what left the public site
        stored_details.subscribe_to_changes()  # stored details follow what they copy
        tasks.subscribe_to_changes()  # and are rendered when an editor publishes
