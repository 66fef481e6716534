"""A real HTTP receiver on 127.0.0.1 for webhook tests, and a "black hole" that
accepts connections and never answers."""

import json
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)


class Receiver:
    """Records every POST; answers with the queued status codes, then ``default``."""

    def __init__(self, tls_context=None):
        self.requests: list[Received] = []
        self.responses: list[int] = []
        self.default = 200
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.requests.append(
                        Received(self.path, dict(self.headers.items()), body)
                    )
                    status = (
                        receiver.responses.pop(0)
                        if receiver.responses
                        else receiver.default
                    )
                reply = b'{"ok": true}' if status < 300 else b"server error " * 200
                self.send_response(status)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.scheme = "http"
        if tls_context is not None:
            self.server.socket = tls_context.wrap_socket(
                self.server.socket, server_side=True
            )
            self.scheme = "https"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return self.url_for("127.0.0.1")

    def url_for(self, host: str) -> str:
        port = self.server.server_address[1]
        return f"{self.scheme}://{host}:{port}/hooks/sipanganten"

    def events(self) -> list[str]:
        return [r.json["event"] for r in self.requests]

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class BlackHole:
    """Listens (the kernel completes the handshake) but never reads or answers."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}/never"

    def connections(self) -> int:
        """How many clients connected since the last call (taken off the backlog
        without reading them, so they still hang)."""
        self.socket.setblocking(False)
        taken = 0
        try:
            while True:
                conn, _address = self.socket.accept()
                self._held = [*getattr(self, "_held", []), conn]
                taken += 1
        except BlockingIOError:
            return taken

    def stop(self):
        for conn in getattr(self, "_held", []):
            conn.close()
        self.socket.close()
