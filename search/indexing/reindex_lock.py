"""One ``search_reindex`` at a time per index family, for real.

A PostgreSQL session advisory lock held on a connection of its own for the whole
run. The server releases it when the session ends, however the process ends (even
SIGKILL: the kernel closes the socket), so the lock never outlives its holder and
needs no "take over" switch. Whoever holds it knows that any half-built index left
over is garbage. Needs a direct session: not a transaction-pooling pgbouncer.
"""

import contextlib
import fcntl
import os
import socket
import tempfile
import zlib
from pathlib import Path

from django.db import DatabaseError, connections

LOCK_CLASS = 0x5E1D  # first key of the pair: "search index" (arbitrary, stable)

HOLDER_SQL = """
SELECT a.application_name, a.client_addr, a.backend_start
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
  AND l.classid = %s AND l.objid = %s
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
"""

MINE_SQL = """
SELECT count(*) FROM pg_locks
WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND pid = pg_backend_pid()
  AND classid = %s AND objid = %s
"""


class ReindexInProgress(RuntimeError):
    """Another process holds the lock; the message says who, when known."""


class LockLost(RuntimeError):
    pass


def lock_key(name: str) -> int:
    return zlib.crc32(name.encode()) & 0x7FFFFFFF  # positive: compares with oid


class _AdvisoryLock:
    def __init__(self, name: str):
        self.key = lock_key(name)
        self.connection = connections.create_connection("default")

    def acquire(self) -> None:
        label = f"search_reindex pid {os.getpid()} on {socket.gethostname()}"
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT set_config('application_name', %s, false)", [label])
            cursor.execute(
                "SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, self.key]
            )
            if not cursor.fetchone()[0]:
                cursor.execute(HOLDER_SQL, [LOCK_CLASS, self.key])
                raise ReindexInProgress(_describe(cursor.fetchone()))

    def confirm(self) -> None:
        """Raise unless we still hold the lock (its session may have been killed,
        e.g. by an idle timeout): never swap the alias without it."""
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(MINE_SQL, [LOCK_CLASS, self.key])
                held = cursor.fetchone()[0] == 1
        except DatabaseError as exc:
            raise LockLost(f"the session holding the lock ended: {exc}") from None
        if not held:
            raise LockLost("the reindex lock is no longer held")

    def release(self) -> None:
        self.connection.close()  # ending the session releases the lock


class _FileLock:
    """Without PostgreSQL (the embedded SQLite default): an flock, which the
    kernel also releases when the process dies."""

    def __init__(self, name: str):
        self.path = Path(tempfile.gettempdir()) / f"search-reindex-{lock_key(name)}"
        self.file = None

    def acquire(self) -> None:
        self.file = open(self.path, "w")  # noqa: SIM115 (held for the whole run)
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.release()
            raise ReindexInProgress(f"lock file {self.path}") from None

    def confirm(self) -> None:
        pass

    def release(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


@contextlib.contextmanager
def reindex_lock(name: str):
    """Hold the reindex lock of the index family ``name`` or raise
    ``ReindexInProgress`` at once (never waits)."""
    postgres = connections["default"].vendor == "postgresql"
    lock = _AdvisoryLock(name) if postgres else _FileLock(name)
    try:
        lock.acquire()
        yield lock
    finally:
        lock.release()


def _describe(row) -> str:
    if row is None:  # released between our attempt and the look-up
        return "just finished; run again"
    application, address, since = row
    where = f" from {address}" if address else ""
    who = application or "a database session"
    return f"{who}{where}, since {since:%Y-%m-%d %H:%M:%S %Z}"
