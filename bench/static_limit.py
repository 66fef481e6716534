"""A true static limit for the benchmarks' ASGI servers.

``/static-limit/<name>`` is answered by a bare ASGI callable in front of Django: the
bytes captured from one of our responses (``$BENCH_STATIC_DIR/<name><suffix>``),
served by the same gunicorn + uvicorn worker with no Django, no middleware and no
Redis. What is left is the server's own cost per request: the most any cache inside
Django could reach. Each bench's ``asgi.py`` wraps the site with it::

    application = with_static_limit(django_application, ".html", "text/html")
"""

import os
from pathlib import Path

PREFIX = "/static-limit/"


def with_static_limit(app, suffix: str, content_type: str):
    """``app`` with ``/static-limit/<name>`` answered from captured bytes."""
    bodies: dict[str, bytes | None] = {}
    kind = content_type.encode()

    def body_of(name: str) -> bytes | None:
        if name not in bodies:  # read once per worker
            path = Path(os.environ["BENCH_STATIC_DIR"]) / f"{Path(name).name}{suffix}"
            bodies[name] = path.read_bytes() if path.is_file() else None
        return bodies[name]

    async def application(scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(PREFIX):
            await app(scope, receive, send)
            return
        body = body_of(scope["path"][len(PREFIX) :])
        status = 200 if body is not None else 404
        body = body or b""
        headers = [
            (b"content-type", kind),
            (b"content-length", str(len(body)).encode()),
        ]
        await send(
            {"type": "http.response.start", "status": status, "headers": headers}
        )
        await send({"type": "http.response.body", "body": body})

    return application
