"""Open live connections per worker process: N idle event streams against ONE
uvicorn worker, its memory at each N, and one event to the connection opened last.
The WSGI baseline: one gthread worker (4 threads) after the same warm-up."""

import asyncio
import tempfile
import time
from pathlib import Path

import requests

from bench.common import asgi_cmd, free_port, gunicorn_cmd, start, stop, wait_http

from .driver import Driver
from .servers import cpu_seconds, db_backends, status, workers_of

OPEN_AT_ONCE = 20  # connections being opened concurrently
SETTLE_SECONDS = 3
IDLE_WINDOW_S = 20  # > LIVE_HEARTBEAT_SECONDS (15)
# More scratch-DB backends than the worker's psycopg pool (production's
# DATABASE_POOL_SIZE, 8) plus the driver's and a few exiting ones: streams hold
# them; stop before the shared server runs out.
DB_GUARD_SPARE = 4


class Stream:
    """One idle live connection, read only up to its ``hello``."""

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int, session: str) -> "Stream":
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            "GET /admin/live/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Cookie: sessionid={session}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"event: hello"), 30)
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
        return cls(reader, writer)

    async def next_event(self, name: bytes, timeout: float) -> float:
        """Wall-clock ms when the next ``event: <name>`` line arrived."""
        deadline = time.monotonic() + timeout
        while True:
            line = await asyncio.wait_for(
                self.reader.readline(), deadline - time.monotonic()
            )
            if line.strip() == b"event: " + name:
                return time.time() * 1000
            if not line:
                raise RuntimeError("stream closed")

    def close(self) -> None:
        self.writer.close()


def _warm(base: str, session: str) -> None:
    """What a worker has done before editors hold streams: rendered the admin."""
    with requests.Session() as http:
        http.cookies.set("sessionid", session)
        for path in ("/admin/", "/admin/live/dashboard/", "/admin/"):
            http.get(base + path, timeout=60).raise_for_status()


async def _ramp(port, pid, env, data, counts, driver) -> dict:
    idle, streams, points = data["sessions"]["idle"], [], {}
    db = env["DATABASE_URL"].rsplit("/", 1)[-1]
    guard = int(env.get("DATABASE_POOL_SIZE") or 8) + DB_GUARD_SPARE
    first = await Stream.open(port, idle)  # starts the worker's reader of the log
    first.close()
    await asyncio.sleep(SETTLE_SECONDS)
    points[0] = status(pid)
    print(f"  0 connections: {points[0]}", flush=True)
    gate = asyncio.Semaphore(OPEN_AT_ONCE)

    async def one():
        async with gate:
            streams.append(await Stream.open(port, idle))

    try:
        for n in counts:
            last = n == counts[-1]
            todo = n - len(streams) - (1 if last else 0)
            for start in range(0, todo, 10):
                await asyncio.gather(*(one() for _ in range(min(10, todo - start))))
                held = db_backends(env, db)
                if held > guard:
                    raise SystemExit(
                        f"{len(streams)} open live connections hold {held} "
                        "PostgreSQL connections: stopped before the shared server "
                        "runs out (cms/live/stream.py must close them)"
                    )
            delivery = None
            if last:
                delivery = await _delivery(port, data, driver, streams)
                delivery["idle_cpu"] = await _idle_cpu(pid)
            await asyncio.sleep(SETTLE_SECONDS)
            points[n] = status(pid) | {"db": db_backends(env, db)}
            print(f"  {n} connections: {points[n]}", flush=True)
    finally:
        for stream in streams:
            stream.close()
    return {"points": points, "delivery": delivery}


async def _idle_cpu(pid: int) -> float:
    """The worker's CPU use (% of one core) while its streams only keep alive:
    over a window longer than the heartbeat, so every stream renews once."""
    window = IDLE_WINDOW_S
    start = cpu_seconds(pid)
    await asyncio.sleep(window)
    return (cpu_seconds(pid) - start) / window * 100


async def _delivery(port, data, driver, streams) -> dict:
    """The connection opened last (its own user) gets an event sent from the
    driver process through the Redis stream: ms from send to arrival."""
    stream = await Stream.open(port, data["sessions"]["last"])
    streams.append(stream)
    arrival = asyncio.create_task(stream.next_event(b"live", 30))
    loop = asyncio.get_running_loop()
    sent = await loop.run_in_executor(None, driver.ask, f"send {data['users']['last']}")
    return {"ms": await arrival - sent["commit"], "connections": len(streams)}


def _wsgi_worker(env: dict, data: dict, log_dir: Path) -> dict:
    port = free_port()
    web = start(gunicorn_cmd(port, threads=4, workers=1), env, log_dir / "gthread.log")
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", web)
        pid = workers_of(web.pid, 1)[0]
        _warm(f"http://127.0.0.1:{port}", data["sessions"]["reviewer"])
        held = requests.get(
            f"http://127.0.0.1:{port}/admin/live/stream/",
            cookies={"sessionid": data["sessions"]["idle"]},
            timeout=30,
        ).status_code
        time.sleep(SETTLE_SECONDS)
        return status(pid) | {"stream_status": held}
    finally:
        stop(web)


def measure(env: dict, data: dict, counts: list[int], script: str) -> dict:
    log_dir = Path(tempfile.mkdtemp(prefix="bench-live-conn-"))
    port = free_port()
    web = start(asgi_cmd(port, workers=1), env, log_dir / "uvicorn.log")
    driver = None
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", web)
        pid = workers_of(web.pid, 1)[0]
        _warm(f"http://127.0.0.1:{port}", data["sessions"]["reviewer"])
        driver = Driver(env, script)
        result = asyncio.run(_ramp(port, pid, env, data, counts, driver))
    finally:
        if driver is not None:
            driver.close()
        stop(web)
    result["wsgi"] = _wsgi_worker(env, data, log_dir)
    print(f"  logs: {log_dir}")
    return result
