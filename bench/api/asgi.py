"""The API benchmark's ASGI application: the site, plus a true static limit at
``/static-limit/<name>`` (``bench/static_limit.py``: captured JSON bytes served by
the same gunicorn + uvicorn worker with no Django, no middleware and no Redis)."""

from bench.static_limit import with_static_limit
from cms.asgi import application as django_application

application = with_static_limit(django_application, ".json", "application/json")
