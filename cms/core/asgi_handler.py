"""Django's ASGI handler without two per-request costs of running sync code.

Every view and middleware of this project except the live stream is sync. Django's
own handler, given a sync middleware stack, makes three thread hops per request
(into a thread for the middleware, back to the event loop for the inner handler,
into the thread again for the view) and starts and joins a new OS thread for every
request. Measured under load with a search request (docs/search-speed.md), that was
about a third of the server's CPU.

This handler keeps Django's request parsing, signals, disconnect handling and
response sending, and changes two things:

- The middleware stack is built in sync mode, as under WSGI, and the whole of it
  runs in one call into the request's thread. An async view (the live stream) is
  still called on the event loop, through one hop back from that thread.
- The request's thread comes from a pool of single-thread executors. All of one
  request's sync code still runs in one thread (``ThreadSensitiveContext`` with an
  executor, asgiref's own mechanism), as Django needs for its database connections;
  the thread is used by one request at a time and reused afterwards, as gthread
  WSGI workers do.
"""

from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler

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

    async def get_response_async(self, request):
        # The sync get_response (URL conf, the stack, resource closers, logging)
        # in the request's thread: one hop for the whole stack.
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)
