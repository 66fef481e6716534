"""The complaints benchmark's ASGI application: the site, plus a true static limit
at ``/static-limit/receipt`` (``bench/static_limit.py``: the bytes of a real
submission receipt served by the same gunicorn + uvicorn worker, no Django)."""

from bench.static_limit import with_static_limit
from cms.asgi import application as django_application

application = with_static_limit(django_application, ".json", "application/json")
