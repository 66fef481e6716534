"""The Celery application; tasks live in each app's ``tasks.py``, autodiscovered."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("sipanganten")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
