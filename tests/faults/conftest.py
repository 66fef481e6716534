"""One private deployment for the whole fault-injection session (about 40 s to start:
Elasticsearch, migrations, collectstatic), shared by the scenarios; each scenario
starts from everything up and the outbox drained."""

import contextlib

import pytest

from .harness import FaultSet, wait_until


@pytest.fixture(scope="session")
def faults():
    fault_set = FaultSet()
    try:
        yield fault_set.start()
    finally:
        fault_set.close()


@pytest.fixture
def healthy(faults):
    """Bring back whatever an earlier (failed) scenario left down, then wait for a
    quiet state: every dependency answering and the search outbox empty."""
    faults.start_service("pg")
    faults.start_service("redis")
    faults.start_service("es")
    for name, start in (
        ("web", faults.start_web),
        ("worker", faults.start_worker),
        ("beat", faults.start_beat),
    ):
        proc = faults.procs.get(name)
        if proc is None or proc.poll() is not None:
            start()
    # Best effort: each scenario counts only its own marked items.
    with contextlib.suppress(TimeoutError):
        wait_until(lambda: faults.outbox_size() == 0, 60, what="an empty outbox")
    yield faults
    failed = [n for n, p in faults.procs.items() if p.poll() is not None]
    assert not failed, f"processes died: {failed}\n" + "\n".join(
        faults.log_tail(n) for n in failed
    )
