"""``search_reindex`` under an operator's accidents, in real processes: two runs at
once, a run stopped by SIGTERM or Ctrl-C, a run killed with SIGKILL, and no stale
index left behind to roll back to."""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from search.documents import alias_name, building_alias_name
from search.index_management import ensure_index, indexes_of
from search.indexing.keys import page_key
from tests.factories import add_item, make_private

from .helpers import drain, indexed

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
WAIT_SECONDS = 120  # generous: the machine may be busy; nothing here is timed
CHILD_APPLICATION = "sipanganten reindex test child"


def child_env() -> dict:
    """This run's settings, pointed at the test database the tests use."""
    url = urlsplit(os.environ["DATABASE_URL"])
    database = connection.settings_dict["NAME"]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": urlunsplit(url._replace(path=f"/{database}")),
        "PGAPPNAME": CHILD_APPLICATION,  # libpq's default name for its sessions
    }


class Child:
    """A reindex in its own process, paused at ``point`` once it gets there."""

    def __init__(self, tmp_path: Path, point: str):
        self.gate = tmp_path / f"gate-{point}"
        self.out = open(tmp_path / f"{point}.out", "w+")  # noqa: SIM115
        self.err = open(tmp_path / f"{point}.err", "w+")  # noqa: SIM115
        command = [sys.executable, "-m", "tests.search.indexing.reindex_child"]
        self.process = subprocess.Popen(
            [*command, point, str(self.gate)],
            cwd=ROOT,
            env=child_env(),
            stdout=self.out,
            stderr=self.err,
        )

    def wait_until_paused(self) -> None:
        reached = Path(f"{self.gate}.reached")
        deadline = time.monotonic() + WAIT_SECONDS
        while not reached.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the child never paused:\n{self.output()}")
            time.sleep(0.05)

    def release(self) -> None:
        self.gate.touch()

    def finish(self) -> int:
        return self.process.wait(timeout=WAIT_SECONDS)

    def output(self) -> str:
        self.out.seek(0)
        self.err.seek(0)
        return self.out.read() + self.err.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.out.close()
        self.err.close()


@pytest.fixture
def child(tmp_path):
    children = []

    def start(point: str) -> Child:
        children.append(Child(tmp_path, point))
        return children[-1]

    yield start
    for started in children:
        started.close()


def run_reindex(*args) -> str:
    out = io.StringIO()
    call_command("search_reindex", "--quiet", *args, stdout=out, stderr=out)
    return out.getvalue()


def family(es) -> set[str]:
    """Every index of ours, whatever points at it."""
    return set(es.indices.get(index=f"{alias_name()}-*", expand_wildcards="all"))


def sessions_of(process: subprocess.Popen) -> int:
    with connection.cursor() as cursor:
        # The test runs in one transaction, and PostgreSQL keeps the first
        # pg_stat_activity it showed a transaction: ask for a fresh one.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
            "OR application_name LIKE %s",
            [CHILD_APPLICATION, f"search_reindex pid {process.pid} %"],
        )
        return cursor.fetchone()[0]


def wait_for_sessions_of(process: subprocess.Popen) -> None:
    """A killed process's database sessions end when the server sees the socket
    close (at once, on one machine): wait for it rather than guess. Only that
    process's sessions count: the suite's own threads (a live server, a pool)
    may hold theirs for as long as they like."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if sessions_of(process) == 0:
            return
        time.sleep(0.05)
    pytest.fail("the killed process's database session never ended")


def test_second_concurrent_run_is_refused_and_the_first_finishes(opds, es, child):
    serving = ensure_index(es)
    first = child("create")  # past every check, about to create its index
    first.wait_until_paused()
    second = subprocess.run(
        [sys.executable, "manage.py", "search_reindex", "--quiet"],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert second.returncode == 75, second.stdout + second.stderr
    assert "Another search_reindex is running" in second.stderr
    assert f"pid {first.process.pid}" in second.stderr  # who holds it
    assert "Traceback" not in second.stderr
    assert indexes_of(es, alias_name()) == [serving]  # the refusal changed nothing
    first.release()
    assert first.finish() == 0, first.output()
    (built,) = indexes_of(es, alias_name())
    assert built != serving and f"into {built}" in first.output()
    assert indexes_of(es, building_alias_name()) == []
    assert family(es) == {built}


def test_refusal_in_process_names_the_holder(opds, es):
    from search.indexing.reindex_lock import reindex_lock

    refused = pytest.raises(CommandError, match="Another search_reindex")
    with reindex_lock(alias_name()), refused as error:
        run_reindex()
    assert error.value.returncode == 75
    assert f"pid {os.getpid()}" in str(error.value)
    run_reindex()  # released: the next run goes ahead


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stop_signal_removes_the_half_built_index(opds, es, child, stop):
    page = add_item(opds["diskominfo"], "Rilis Tetap Tampil")
    drain()
    (serving,) = indexes_of(es, alias_name())
    running = child("load")
    running.wait_until_paused()
    (building,) = indexes_of(es, building_alias_name())
    running.process.send_signal(stop)
    assert running.finish() == 128 + stop, running.output()
    output = running.output()
    assert f"Reindex stopped by {stop.name}" in output
    assert "Traceback" not in output
    assert building not in family(es)
    assert indexes_of(es, building_alias_name()) == []
    assert indexes_of(es, alias_name()) == [serving]
    assert indexed(page)  # still served by the old index


def test_next_run_cleans_up_after_sigkill_without_force(opds, es, child):
    page = add_item(opds["diskominfo"], "Rilis Setelah Kill")
    drain()
    killed = child("load")
    killed.wait_until_paused()
    (half_built,) = indexes_of(es, building_alias_name())
    assert sessions_of(killed.process)  # the wait below watches the right sessions
    killed.process.kill()
    killed.finish()
    wait_for_sessions_of(killed.process)
    output = run_reindex()
    assert f"Removed what an interrupted run left: {half_built}" in output
    # Only the new index is left (it may reuse the deleted one's name, by second).
    assert family(es) == set(indexes_of(es, alias_name()))
    assert indexes_of(es, building_alias_name()) == []
    es.indices.refresh(index=alias_name())
    assert indexed(page)


def test_no_index_is_left_to_roll_back_to_withdrawn_content(opds, es):
    """A kept previous index stops receiving changes at the swap; pointing the
    alias back at it would publish again what was withdrawn since. None is kept."""
    page = add_item(opds["diskominfo"], "Rilis Yang Kemudian Ditarik")
    drain()
    run_reindex()
    make_private(page)
    drain()
    assert indexed(page) is None
    for name in family(es):  # whatever an operator could point the alias at
        found = es.options(ignore_status=404).get(index=name, id=page_key(page.pk))
        assert not found.body.get("found"), name


def test_losing_the_lock_mid_run_never_swaps(opds, es, monkeypatch):
    """If the lock's session ends (an idle timeout, a DBA), another run may start:
    this one must not swap the alias nor leave its index behind."""
    from search.indexing import reindex as reindex_module

    serving = ensure_index(es)
    real = reindex_module.public_documents

    def during_load(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name LIKE %s",
                [f"search_reindex pid {os.getpid()} %"],
            )
            assert cursor.fetchone()[0]
        yield from real(**kwargs)

    monkeypatch.setattr(reindex_module, "public_documents", during_load)
    with pytest.raises(CommandError, match="keeps serving: the session holding"):
        run_reindex()
    assert indexes_of(es, alias_name()) == [serving]
    assert family(es) == {serving}
