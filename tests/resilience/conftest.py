"""Fixtures of the resilience suite (issue 11, items 1-3): a Redis of the test's
own, started and stopped here (never the shared one), a port where nothing
listens, a server that accepts connections and never answers, and the database
connection pointed at a dead port for a moment."""

import contextlib
import shutil
import socket
import subprocess
import threading
import time

import pytest
import redis
from django.db import connection

from cms.core import failsafe_cache

FAIL_SAFE = "cms.core.failsafe_cache.FailSafeRedisCache"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def fresh_breaker():
    failsafe_cache.reset()
    yield
    failsafe_cache.reset()


@pytest.fixture
def use_cache(settings):
    """``use_cache(url)``: the default cache becomes the fail-safe backend on ``url``,
    as cms/settings/base.py configures it for a Redis CACHE_URL."""

    def point(url):
        settings.CACHES = {
            "default": {"BACKEND": FAIL_SAFE, "LOCATION": url, "KEY_PREFIX": "res"}
        }

    return point


class OwnRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed (make services installs it)"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = self.client()
        for _ in range(100):
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    return
            time.sleep(0.05)
        raise AssertionError(f"own redis-server did not start on {self.port}")

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=1)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def own_redis():
    server = OwnRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def dead_redis_url():
    return f"redis://127.0.0.1:{free_port()}/0"


class SilentServer:
    """Accepts TCP connections and never answers: a hung Redis."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        with contextlib.suppress(OSError):
            while True:
                self.accepted.append(self.listener.accept()[0])

    def close(self):
        self.listener.close()
        for accepted in self.accepted:
            accepted.close()


@pytest.fixture
def silent_redis():
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def database_down():
    """``with database_down(): ...``: the default connection points at a port
    where nothing listens, as during a PostgreSQL restart; restored after."""

    @contextlib.contextmanager
    def down():
        original = connection.settings_dict["PORT"]
        connection.close()
        connection.settings_dict["PORT"] = str(free_port())
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["PORT"] = original

    return down
