"""The Celery application; tasks live in each app's ``tasks.py``, autodiscovered."""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("sipanganten")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def no_connection_pool(**kwargs) -> None:
    """Workers keep a connection each (CONN_MAX_AGE) instead of production's pool:
    a forked child must never share its parent's pooled connections."""
    from django.db import connections

    connections.close_all()
    for alias in connections:
        connections.settings[alias].get("OPTIONS", {}).pop("pool", None)
