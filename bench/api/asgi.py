"""The benchmark's ASGI application: the site, plus a true static limit.

``/static-limit/<name>`` is answered by a bare ASGI callable in front of Django: the
bytes captured from one of our responses, served by the same gunicorn + uvicorn
worker with no Django, no middleware and no Redis. What is left is the server's
own cost per request: the most any cache inside Django could reach.
"""

import os
from pathlib import Path

from cms.asgi import application as django_application

PREFIX = "/static-limit/"
_bodies: dict[str, bytes] = {}


def _body(name: str) -> bytes | None:
    if name not in _bodies:
        path = Path(os.environ["BENCH_STATIC_DIR"]) / f"{Path(name).name}.json"
        _bodies[name] = path.read_bytes() if path.is_file() else None
    return _bodies[name]


async def application(scope, receive, send):
    if scope["type"] == "http" and scope["path"].startswith(PREFIX):
        body = _body(scope["path"][len(PREFIX) :])
        status = 200 if body is not None else 404
        body = body or b"{}"
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send(
            {"type": "http.response.start", "status": status, "headers": headers}
        )
        await send({"type": "http.response.body", "body": body})
        return
    await django_application(scope, receive, send)
