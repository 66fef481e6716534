"""The public queries' HTTP connection to Elasticsearch (search/queries/es_http.py):
the same answers as the official client from the real server, connections kept and
renewed, and every way an HTTP exchange can go wrong turned into an error the search
answers from the database. The failure cases use small local HTTP servers that
misbehave on purpose; Elasticsearch itself cannot be made to."""

import socket
import threading
import time

import pytest
from django.conf import settings

from search.client import get_client
from search.documents import alias_name
from search.queries import es_http
from search.queries.public import search_public

from .conftest import params

QUERY = {"query": {"match": {"title": "jalan"}}, "size": 5}


def test_same_answer_as_the_official_client_over_one_kept_connection(corpus_index):
    endpoint = es_http.Endpoint(settings.ELASTICSEARCH_URL)
    path = f"/{alias_name()}/_search"
    try:
        ours = endpoint.post(path, QUERY, timeout=5)
        kept = list(endpoint._idle)
        for _ in range(20):
            endpoint.post(path, QUERY, timeout=5)
        official = get_client().search(index=alias_name(), body=QUERY).body
        assert [hit["_id"] for hit in ours["hits"]["hits"]] == [
            hit["_id"] for hit in official["hits"]["hits"]
        ]
        assert ours["hits"]["total"] == official["hits"]["total"]
        assert ours["hits"]["hits"], "the corpus has roads"
        assert endpoint._idle == kept and len(kept) == 1  # the same socket throughout
    finally:
        endpoint.close()


def test_an_error_answer_carries_its_status(corpus_index):
    endpoint = es_http.Endpoint(settings.ELASTICSEARCH_URL)
    try:
        with pytest.raises(es_http.SearchHTTPError) as bad:
            endpoint.post(
                f"/{alias_name()}/_search", {"query": {"nope": {}}}, timeout=5
            )
        assert bad.value.status == 400
        assert b"nope" in bad.value.body
        with pytest.raises(es_http.SearchHTTPError) as missing:
            endpoint.post("/no-such-index-here/_search", QUERY, timeout=5)
        assert missing.value.status == 404
    finally:
        endpoint.close()


class _Server:
    """A loopback HTTP server answering each request with ``answer(request_bytes)``
    (bytes to send, or None to stay silent), then keeping or closing the connection."""

    def __init__(self, answer, close_after: bool = False):
        self.answer = answer
        self.close_after = close_after
        self.requests: list[bytes] = []
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        with conn:
            while True:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = int(
                    next(
                        line.split(b":")[1]
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    )
                )
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests.append(head + b"\r\n\r\n" + body)
                reply = self.answer(head)
                if reply is None:
                    time.sleep(10)
                    return
                conn.sendall(reply)
                if self.close_after:
                    return

    def close(self):
        self.listener.close()


def _json(body: bytes, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n%s"
        b"Content-Length: %d\r\n\r\n%s" % (extra, len(body), body)
    )


def test_a_kept_connection_the_server_closed_is_replaced_once():
    server = _Server(lambda head: _json(b'{"n": 1}'), close_after=True)
    endpoint = es_http.Endpoint(server.url)
    try:
        assert endpoint.post("/a/_search", {}, timeout=2) == {"n": 1}
        time.sleep(0.1)  # the server has closed the connection the client kept
        assert endpoint.post("/a/_search", {}, timeout=2) == {"n": 1}
        assert server.connections == 2
    finally:
        endpoint.close()
        server.close()


def test_a_silent_server_fails_by_the_deadline():
    server = _Server(lambda head: None)
    endpoint = es_http.Endpoint(server.url)
    try:
        started = time.monotonic()
        with pytest.raises(es_http.SearchConnectionError):
            endpoint.post("/a/_search", {}, timeout=0.5)
        # Not a speed target: the server stays silent for 10 s, so an answer before
        # that is the client's own deadline (and not before it started).
        assert 0.5 <= time.monotonic() - started < 9
        assert endpoint._idle == []  # the stuck connection is not kept
    finally:
        server.close()


def test_refused_and_cut_answers_are_connection_errors():
    with pytest.raises(es_http.SearchConnectionError):
        es_http.Endpoint("http://127.0.0.1:9").post("/a/_search", {}, timeout=1)
    cut = b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"partial'
    server = _Server(lambda head: cut, close_after=True)
    try:
        with pytest.raises(es_http.SearchConnectionError):
            es_http.Endpoint(server.url).post("/a/_search", {}, timeout=2)
    finally:
        server.close()


def test_credentials_path_prefix_and_chunked_answers():
    chunked = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
        b'5\r\n{"ok"\r\n6\r\n: true\r\n1\r\n}\r\n0\r\n\r\n'
    )
    server = _Server(lambda head: chunked)
    port = server.url.rsplit(":", 1)[1]
    endpoint = es_http.Endpoint(f"http://elastic:p%40ss@127.0.0.1:{port}/es")
    try:
        assert endpoint.post("/idx/_search", {"q": 1}, timeout=2) == {"ok": True}
        request = server.requests[0]
        assert request.startswith(b"POST /es/idx/_search HTTP/1.1\r\n")
        # "elastic:p@ss", the password unquoted as the official client does
        assert b"Authorization: Basic ZWxhc3RpYzpwQHNz\r\n" in request
        assert request.endswith(b'{"q":1}')
    finally:
        endpoint.close()
        server.close()


def test_a_search_through_a_broken_server_is_answered_by_the_database(
    db, settings, corpus_index
):
    garbage = b"this is not HTTP\r\n\r\n"
    server = _Server(lambda head: garbage, close_after=True)
    settings.ELASTICSEARCH_URL = server.url
    try:
        result = search_public(params("jalan"), record=False)
        assert result.backend == "database"
        assert result.degraded_reason
    finally:
        server.close()
        from search.queries import breaker

        breaker.close(server.url)
