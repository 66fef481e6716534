"""The private deployment's database, migrated once per set of migrations.

Migrating a fresh database takes minutes on a busy machine; a dump of the migrated
database, keyed by the migrations' contents and the installed packages, is restored
in seconds by the next session.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "var" / "faults-db"
APPS = ("cms", "search", "api", "portal")


def _pg_tool(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else name


def _key() -> str:
    digest = hashlib.sha1()
    for app in APPS:
        for path in sorted((ROOT / app).glob("**/migrations/*.py")):
            digest.update(path.read_bytes())
    packages = next(Path(sys.executable).parents[1].glob("lib/python*/site-packages"))
    digest.update(str(packages.stat().st_mtime).encode())
    return digest.hexdigest()[:16]


def _tool(args: list[str], env: dict) -> None:
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode:
        raise RuntimeError(f"{args[0]}: {proc.stderr[-2000:]}")


def prepare(env: dict, port: int, migrate) -> None:
    """Restore the snapshot of the migrated database, or migrate and take one."""
    dump = SNAPSHOTS / f"{_key()}.dump"
    conn = ["-h", "127.0.0.1", "-p", str(port), "-U", "sipanganten"]
    tool_env = {**os.environ, "PGPASSWORD": "sipanganten"}
    if dump.exists():
        restore = [_pg_tool("pg_restore"), *conn, "-d", "sipanganten", "--no-owner"]
        try:
            _tool([*restore, str(dump)], tool_env)
            return
        except RuntimeError:  # e.g. another PostgreSQL version: migrate afresh
            with psycopg.connect(env["DATABASE_URL"], autocommit=True) as db:
                db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    migrate()
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SNAPSHOTS.glob("*.dump"):
        old.unlink()
    partial = dump.with_suffix(f".{os.getpid()}.part")
    _tool(
        [_pg_tool("pg_dump"), *conn, "-Fc", "-f", str(partial), "sipanganten"], tool_env
    )
    partial.rename(dump)
