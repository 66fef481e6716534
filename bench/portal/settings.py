"""Settings of the portal benchmark's servers: production settings as they are (the
static limit is in ``asgi.py``, in front of Django)."""

from cms.settings.production import *  # noqa: F403
