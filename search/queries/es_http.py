"""The public queries' own connection to Elasticsearch: HTTP/1.1 keep-alive, parsed
by httptools (the C parser uvicorn already serves the site with).

A citizen's search sends one to three ``_search`` requests. Through the official
client (elasticsearch-py on elastic-transport, urllib3 and http.client) each cost
0.6-0.8 ms of CPU in the web process, where the whole API request costs about 5;
this costs about 0.15 ms (docs/search-speed.md). Only these read-only searches come
this way; indexing, index management and health checks keep the official client
(``search/client.py``).

A search is idempotent, so one sent on a kept connection that the server had
meanwhile closed is sent once more on a new one. Anything else (refused, reset
mid-answer, the deadline passed) is a ``SearchConnectionError``, a 4xx or 5xx answer
a ``SearchHTTPError``; the caller turns both into the database's answer.
"""

import base64
import os
import socket
import ssl
import time
from urllib.parse import unquote, urlsplit

import httptools
import orjson

IDLE_CONNECTIONS = 32  # kept per process and server; more concurrent ones close


class SearchConnectionError(Exception):
    pass


class SearchHTTPError(Exception):
    def __init__(self, status: int, body: bytes):
        super().__init__(f"HTTP {status}: {body[:300].decode(errors='replace')}")
        self.status = status
        self.body = body


class _ClosedBeforeAnswer(Exception):
    """The connection ended before a byte of the answer: safe to send again."""


class _Answer:
    """httptools parser callbacks."""

    __slots__ = ("chunks", "complete", "keep_alive", "parser")

    def __init__(self):
        self.chunks: list[bytes] = []
        self.complete = False
        self.keep_alive = False
        self.parser = httptools.HttpResponseParser(self)

    def on_body(self, data: bytes) -> None:
        self.chunks.append(data)

    def on_message_complete(self) -> None:
        self.complete = True
        # Only known while the parser is still on this message.
        self.keep_alive = self.parser.should_keep_alive()


class Endpoint:
    """One Elasticsearch URL (``http`` or ``https``, credentials in the URL as the
    official client takes them) and its idle connections."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url!r}")
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.tls = ssl.create_default_context() if parts.scheme == "https" else None
        self.prefix = parts.path.rstrip("/")
        headers = [
            f"Host: {parts.netloc.rpartition('@')[2]}",
            "Content-Type: application/json",
            "Accept: application/json",
        ]
        if parts.username is not None:
            pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            token = base64.b64encode(pair.encode()).decode()
            headers.append(f"Authorization: Basic {token}")
        self._headers = "\r\n".join(headers).encode()
        self._idle: list[socket.socket] = []  # append/pop are atomic: thread-safe

    def post(self, path: str, body: dict, *, timeout: float) -> dict:
        """POST ``body`` as JSON to ``path`` (after the URL's own path); the decoded
        JSON answer. ``timeout`` bounds the whole exchange, connecting included."""
        data = orjson.dumps(body)
        request = b"POST %s%s HTTP/1.1\r\n%s\r\nContent-Length: %d\r\n\r\n%s" % (
            self.prefix.encode(),
            path.encode(),
            self._headers,
            len(data),
            data,
        )
        deadline = time.monotonic() + timeout
        while True:
            sock, reused = self._connection(deadline)
            try:
                status, payload, keep = _exchange(sock, request, deadline)
            except _ClosedBeforeAnswer:
                sock.close()
                if reused:
                    continue  # closed by the server while idle: once more, on a new one
                raise SearchConnectionError("closed before answering") from None
            except SearchConnectionError:
                sock.close()
                raise
            except (OSError, httptools.HttpParserError) as error:
                sock.close()
                raise SearchConnectionError(_describe(error)) from error
            if keep and len(self._idle) < IDLE_CONNECTIONS:
                self._idle.append(sock)
            else:
                sock.close()
            if status >= 400:
                raise SearchHTTPError(status, payload)
            return orjson.loads(payload)

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()

    def _connection(self, deadline: float) -> tuple[socket.socket, bool]:
        try:
            return self._idle.pop(), True
        except IndexError:
            pass
        try:
            sock = socket.create_connection(
                (self.host, self.port), timeout=_remaining(deadline)
            )
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.tls is not None:
                sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except OSError as error:
            raise SearchConnectionError(_describe(error)) from error
        return sock, False


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("search deadline passed")
    return left


def _exchange(sock, request: bytes, deadline: float) -> tuple[int, bytes, bool]:
    answer = _Answer()
    parser = answer.parser
    received = False
    try:
        sock.settimeout(_remaining(deadline))
        sock.sendall(request)
        while not answer.complete:
            sock.settimeout(_remaining(deadline))
            chunk = sock.recv(65536)
            if not chunk:
                if received:
                    raise SearchConnectionError("closed in the middle of an answer")
                raise _ClosedBeforeAnswer
            received = True
            parser.feed_data(chunk)
    except (BrokenPipeError, ConnectionResetError) as error:
        if received:
            raise
        raise _ClosedBeforeAnswer from error
    return parser.get_status_code(), b"".join(answer.chunks), answer.keep_alive


_endpoints: dict[str, Endpoint] = {}


def endpoint(url: str) -> Endpoint:
    found = _endpoints.get(url)
    if found is None:
        found = _endpoints[url] = Endpoint(url)
    return found


def _forget_after_fork() -> None:
    # A forked child (a Celery or gunicorn worker) must not share its parent's
    # sockets: it opens its own.
    _endpoints.clear()


os.register_at_fork(after_in_child=_forget_after_fork)
