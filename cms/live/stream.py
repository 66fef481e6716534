"""The live connection: server-sent events, served under ASGI.

One long response per open admin tab. It starts with the events the tab missed
since it was rendered or last connected (``Last-Event-ID``, sent by the browser
on every reconnect), then passes on the events addressed to its user, with a
comment every ``LIVE_HEARTBEAT_SECONDS`` that keeps proxies from closing it,
renews the user's connection slot and notices a browser that went away. After
``LIVE_STREAM_SECONDS`` it ends and the browser reconnects at once: permissions
are checked again and connections spread over restarted workers.

Under WSGI (gunicorn's sync workers, ``runserver``) a long response would hold a
worker thread for good, so the view answers 503 and the admin works as before.
"""

import asyncio
import json
import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.db import connections
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from cms.core.operations import can_view_operations

from . import limits, log
from .hub import RESYNC, Connection, hub

RETRY_MS = 3000


def _refusal(message: str, status: int, retry_after: int) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _access(user) -> tuple[bool, bool]:
    """(may connect, sees the operations events)."""
    if not (user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False, False
    return True, can_view_operations(user)  # the operations panel's readers


async def stream(request):
    if not isinstance(request, ASGIRequest):
        return _refusal(_("Pembaruan langsung memerlukan server ASGI."), 503, 300)
    user = await request.auser()
    if not user.is_authenticated:
        return _refusal(_("Silakan masuk kembali."), 403, 60)
    allowed, ops = await sync_to_async(_access)(user)
    # The checks ran in this request's own thread, which lives as long as the
    # stream: give its database connection back, or each open tab holds one.
    await sync_to_async(connections.close_all)()
    if not allowed:
        return _refusal(_("Tidak diizinkan."), 403, 60)
    if len(hub.connections) >= settings.LIVE_MAX_CONNECTIONS_PER_PROCESS:
        return _refusal(_("Server sedang penuh."), 503, 30)
    slot = await sync_to_async(limits.acquire)(user.pk)
    if slot is None:
        message = _("Terlalu banyak tab dengan pembaruan langsung (paling banyak %d).")
        return _refusal(message % limits.limit(), 429, 60)
    since = request.headers.get("Last-Event-ID") or request.GET.get("since") or ""
    response = StreamingHttpResponse(
        _events(Connection(user.pk, ops), slot, _valid_id(since)),
        content_type="text/event-stream; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache, no-store, no-transform"
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response


def _valid_id(value: str) -> str | None:
    ms, _sep, seq = value.partition("-")
    return value if ms.isdigit() and (not seq or seq.isdigit()) else None


def _event(name: str, data: dict, event_id: str | None = None) -> str:
    head = f"id: {event_id}\n" if event_id else ""
    return f"{head}event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


async def _events(connection: Connection, slot: str, since: str | None):
    user_id = connection.user_id
    try:
        sent = log.parse_id(await hub.attach(connection))
        missed = await hub.replay(since) if since else []
        yield f"retry: {RETRY_MS}\n\n"
        for event_id, message in missed or ():
            if not connection.wants(message):
                continue  # the log holds everyone's events
            sent = max(sent, log.parse_id(event_id))
            yield _event("live", _public(message), event_id)
        hello = {"user": user_id, "resync": missed is None}
        yield _event("hello", hello, "{}-{}".format(*sent))
        deadline = time.monotonic() + settings.LIVE_STREAM_SECONDS
        while time.monotonic() < deadline:
            try:
                event_id, message = await asyncio.wait_for(
                    connection.queue.get(), timeout=settings.LIVE_HEARTBEAT_SECONDS
                )
            except TimeoutError:
                await sync_to_async(limits.renew, thread_sensitive=False)(user_id, slot)
                yield ": ping\n\n"
                continue
            if log.parse_id(event_id) <= sent and message is not RESYNC:
                continue  # already sent as a replay
            sent = max(sent, log.parse_id(event_id))
            yield _event("live", _public(message), event_id)
        yield _event("bye", {})
    finally:
        hub.detach(connection)
        await sync_to_async(limits.release, thread_sensitive=False)(user_id, slot)


def _public(message: dict) -> dict:
    """What the browser needs: not the list of everyone else it was sent to."""
    return {k: v for k, v in message.items() if k not in ("users", "ops")}
