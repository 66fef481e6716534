"""Django's ASGI handler, with one thread hop per request instead of five.

Every view and middleware of this project except the live stream is sync. Django's
own handler, for such a stack, goes between the event loop and a thread five times
per request (the ``request_started`` signal; into the middleware; back to the event
loop for the inner handler; into the view; ``response.close()`` with its
``request_finished`` signal) and starts and joins a new OS thread for every request.
Measured in one process without a network, that made a robots.txt cost 2.5-3.0 ms of
CPU where Django's sync handler needs 0.8 ms (docs/search-speed.md).

Here a request's whole sync part runs in one call into its thread: the
``request_started`` signal, the middleware stack (built in sync mode, as under
WSGI) and the view, and, for a response whose body is already in memory,
``response.close()`` (its ``request_finished`` signal gives the database connection
back before the bytes go out, in the thread that used it). A streaming response is
closed after it was sent, as Django does. An async view (the live stream) still runs
on the event loop, one hop back from that thread.

The request's thread comes from a pool of single-thread executors: all of one
request's sync code runs in one thread (``ThreadSensitiveContext`` with an executor,
asgiref's own mechanism), as Django's database connections need; the thread serves
one request at a time and is kept for later ones, as gthread WSGI workers do.

``handle`` follows Django 5.2's ``ASGIHandler.handle`` except for those two points;
tests/cms/core/test_asgi_handler.py fails when Django's changes, so the copy is
reviewed on upgrade.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.http import FileResponse
from django.urls import set_script_prefix

# Idle request threads kept per process; beyond this a finished request's thread
# ends. Concurrent requests are bounded by the server, not by this number.
IDLE_THREADS = 32


class RequestThread(ThreadPoolExecutor):
    """One worker thread that knows whether work it was given is still running."""

    def __init__(self):
        super().__init__(max_workers=1, thread_name_prefix="asgi-request")
        self._last = None

    def submit(self, fn, /, *args, **kwargs):
        # Called from the event loop only; the one worker runs work in order, so
        # the last future finishing means the thread is idle.
        self._last = super().submit(fn, *args, **kwargs)
        return self._last

    def idle(self) -> bool:
        return self._last is None or self._last.done()


class RequestThreads:
    """Idle ``RequestThread``s. Used from the event loop's thread only."""

    def __init__(self, keep: int = IDLE_THREADS):
        self.keep = keep
        self._idle: list[RequestThread] = []

    def acquire(self) -> RequestThread:
        return self._idle.pop() if self._idle else RequestThread()

    def release(self, thread: RequestThread) -> None:
        # A request cancelled by a disconnect can leave its sync code running: that
        # thread is not handed to the next request, which would wait behind it.
        if thread.idle() and len(self._idle) < self.keep:
            self._idle.append(thread)
        else:
            thread.shutdown(wait=False)


class PooledThreadASGIHandler(ASGIHandler):
    def __init__(self):
        super().__init__()
        # Django's __init__ built the async stack; build the sync one instead.
        self.load_middleware(is_async=False)
        self.threads = RequestThreads()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)  # Django's refusal
        thread = self.threads.acquire()
        try:
            async with ThreadSensitiveContext(executor=thread):
                await self.handle(scope, receive, send)
        finally:
            self.threads.release(thread)

    def respond(self, request, scope):
        """The sync part of a request, in its thread: started, answered and, when
        the body is in memory, finished."""
        signals.request_started.send(sender=self.__class__, scope=scope)
        response = self.get_response(request)
        response._handler_class = self.__class__
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        if not response.streaming:
            response.close()
        return response

    async def handle(self, scope, receive, send):
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        set_script_prefix(get_script_prefix(scope))
        request, error_response = self.create_request(scope, body_file)
        if request is None:  # Django's order for a request it could not build
            await signals.request_started.asend(sender=self.__class__, scope=scope)
            body_file.close()
            await self.send_response(error_response, send)
            await sync_to_async(error_response.close)()
            return

        async def process_request(request, send):
            response = await sync_to_async(self.respond, thread_sensitive=True)(
                request, scope
            )
            with suppress(asyncio.CancelledError):  # the client went away meanwhile
                await self.send_response(response, send)
            return response

        # Django's: a disconnect while the response is made or sent cancels it.
        tasks = [
            asyncio.create_task(self.listen_for_disconnect(receive)),
            asyncio.create_task(process_request(request, send)),
        ]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            if task.done():
                try:
                    task.result()
                except RequestAborted:
                    pass
                except AssertionError:
                    body_file.close()
                    raise
            else:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
        try:
            response = tasks[1].result()
        except asyncio.CancelledError:
            await signals.request_finished.asend(sender=self.__class__)
        else:
            if response.streaming:
                await sync_to_async(response.close)()
        body_file.close()
