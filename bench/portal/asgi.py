"""The portal benchmark's ASGI application: the site, plus a true static limit at
``/static-limit/<kind>`` (``bench/static_limit.py``: the captured HTML of a page
served by the same gunicorn + uvicorn worker with no Django at all)."""

from bench.static_limit import with_static_limit
from cms.asgi import application as django_application

application = with_static_limit(django_application, ".html", "text/html; charset=utf-8")
