"""The production ASGI handler (cms/core/asgi_handler.py): one request's sync code in
one thread (signals, middleware and view alike, as Django's database connections
need), that thread reused by later requests, concurrent requests still in threads
of their own, and async views still served."""

import asyncio
import hashlib
import inspect
import json
import threading

import pytest
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_finished, request_started
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import path

from cms.core.asgi_handler import PooledThreadASGIHandler, RequestThread, RequestThreads

_finished_in: list[int] = []


_together = threading.Barrier(3, timeout=10)


def _where(request):
    if "together" in request.GET:
        # Only passes when three requests are in their views at the same time.
        _together.wait()
    return JsonResponse({"thread": threading.get_ident()})


async def _async_view(request):
    return HttpResponse(f"async {request.GET.get('n', '')}")


def _streamed(request):
    async def parts():
        _signals.append("streaming")
        yield b"one "
        yield b"two"

    return StreamingHttpResponse(parts())


_signals: list[str] = []

urlpatterns = [
    path("where/", _where),
    path("async/", _async_view),
    path("stream/", _streamed),
]


@pytest.fixture
def app(settings):
    settings.ROOT_URLCONF = __name__
    return PooledThreadASGIHandler()


async def _get(app, url: str) -> tuple[int, bytes]:
    route, _, query = url.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": route,
        "raw_path": route.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 80),
    }
    sent: list[dict] = []
    body_read = False
    never = asyncio.get_running_loop().create_future()

    async def receive():
        nonlocal body_read
        if not body_read:
            body_read = True
            return {"type": "http.request", "body": b"", "more_body": False}
        return await never  # the client stays connected

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(
        m.get("body", b"") for m in sent if m["type"] == "http.response.body"
    )
    return status, body


def _thread(body: bytes) -> int:
    return json.loads(body)["thread"]


def test_later_requests_reuse_the_thread_off_the_event_loop(app):
    async def run():
        first = await _get(app, "/where/")
        second = await _get(app, "/where/")
        return first, second, threading.get_ident()

    (status1, body1), (status2, body2), loop_thread = asyncio.run(run())
    assert status1 == status2 == 200
    assert _thread(body1) == _thread(body2) != loop_thread
    assert len(app.threads._idle) == 1


def test_concurrent_requests_run_side_by_side_in_their_own_threads(app):
    async def run():
        return await asyncio.gather(*(_get(app, "/where/?together") for _ in range(3)))

    _together.reset()
    answers = asyncio.run(run())
    # One after another, the first would wait at the barrier alone and fail (500).
    assert [status for status, _ in answers] == [200, 200, 200]
    assert len({_thread(body) for _, body in answers}) == 3


def test_the_finished_signal_runs_in_the_request_thread(app):
    """Django closes a request's database connections from ``request_finished``:
    that must happen in the thread whose connections the view used."""

    def receiver(**kwargs):
        _finished_in.append(threading.get_ident())

    request_finished.connect(receiver)
    try:
        _finished_in.clear()
        _status, body = asyncio.run(_get(app, "/where/"))
    finally:
        request_finished.disconnect(receiver)
    assert _finished_in == [_thread(body)]


def test_both_request_signals_run_in_the_request_thread(app):
    seen = {}

    def started(**kwargs):
        seen["started"] = threading.get_ident()

    def finished(**kwargs):
        seen["finished"] = threading.get_ident()

    request_started.connect(started)
    request_finished.connect(finished)
    try:
        _status, body = asyncio.run(_get(app, "/where/"))
    finally:
        request_started.disconnect(started)
        request_finished.disconnect(finished)
    assert seen == {"started": _thread(body), "finished": _thread(body)}


def test_a_streaming_response_is_finished_after_it_was_sent(app):
    def finished(**kwargs):
        _signals.append("finished")

    _signals.clear()
    request_finished.connect(finished)
    try:
        status, body = asyncio.run(_get(app, "/stream/"))
    finally:
        request_finished.disconnect(finished)
    assert (status, body) == (200, b"one two")
    assert _signals == ["streaming", "finished"]


# Django 5.2's ASGIHandler.handle, which ``handle`` follows (see its module). When
# this fails after a Django upgrade: compare the two, carry over what changed, then
# update the digest.
DJANGO_HANDLE_SHA256 = (
    "98faeb5bef800331e6a8002fbc96b30e4122a23438ae45a047190a531ea11323"
)


def test_the_copied_handle_is_still_djangos():
    source = inspect.getsource(ASGIHandler.handle)
    digest = hashlib.sha256(source.encode()).hexdigest()
    assert digest == DJANGO_HANDLE_SHA256, (
        "Django's ASGIHandler.handle changed: review cms/core/asgi_handler.py"
    )


def test_async_views_are_still_served(app):
    status, body = asyncio.run(_get(app, "/async/?n=7"))
    assert (status, body) == (200, b"async 7")


def test_a_thread_still_running_a_cancelled_request_is_not_reused():
    threads = RequestThreads(keep=4)
    busy = threads.acquire()
    release_it = threading.Event()
    busy.submit(release_it.wait, 5)
    threads.release(busy)  # e.g. the client went away while the view still runs
    assert threads._idle == []
    release_it.set()
    idle = threads.acquire()
    threads.release(idle)
    assert threads._idle == [idle] and idle is not busy


def test_idle_threads_beyond_the_limit_end():
    threads = RequestThreads(keep=1)
    held = [threads.acquire() for _ in range(3)]
    for thread in held:
        thread.submit(int).result()
        threads.release(thread)
    assert len(threads._idle) == 1
    assert all(isinstance(t, RequestThread) for t in held)
    for ended in held[1:]:
        with pytest.raises(RuntimeError):  # shut down: takes no more work
            ended.submit(int)
