from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Sipanganten"

    def ready(self):
        from cms.core import content_generation, generation_copies, media_storage
        from cms.core.changes import receivers

        # The only receivers of model signals: they emit change events.
        receivers.connect()
        # The content generation (API and portal caches key on it) follows every
        # committed public change.
        content_generation.subscribe()
        # Per-process copies of public lookups drop at this process's own commits.
        generation_copies.subscribe_to_changes()
        # Public image renditions under public/, unsigned (cms/core/media_storage.py).
        media_storage.install()
