"""``spend_mostly_local``: the public search's rate limit counted in the process
while a client is far below its limit, in the shared cache otherwise; and
``recent_generation``, the generation it reads once a second. Real Redis."""

import time
import uuid

import pytest
from django.test import Client

from cms.core import content_generation, rate_limits
from cms.core.cache_client import cache_key, redis_client

DAY = 86_400  # one window for the whole test: no boundary to cross


def ident() -> str:
    return f"ip:test-{uuid.uuid4().hex}"


def shared_count(name: str, period: int) -> int:
    """What every process sees: the counter of the current window in Redis."""
    window = int(time.time() // period)
    value = redis_client().get(
        cache_key(f"{rate_limits.PREFIX}:{name}:{period}:{window}")
    )
    return int(value or 0)


@pytest.fixture
def round_trips(monkeypatch):
    """How many times the counting script ran (the real one, in Redis)."""
    calls = []
    real = rate_limits.run_script

    def counted(*args, **kwargs):
        calls.append(args[2][3])  # how many requests it was asked to count
        return real(*args, **kwargs)

    monkeypatch.setattr(rate_limits, "run_script", counted)
    return calls


@pytest.fixture
def leases_last(settings):
    """Leases never run out of time during a test: what they do is decided by the
    requests alone, not by how fast the machine is."""
    settings.RATE_LIMIT_LOCAL_SECONDS = 3600
    settings.RATE_LIMIT_LOCAL_SHARE = 20


def test_a_busy_client_costs_a_round_trip_per_lease(leases_last, round_trips):
    name = ident()
    answers = [rate_limits.spend_mostly_local(name, 1000, DAY) for _ in range(100)]
    assert answers == [(True, None)] * 100
    # Leases double while they run out, up to 1000 / 20.
    assert round_trips == [1, 2, 4, 8, 16, 32, 50]
    assert shared_count(name, DAY) == 113  # every request counted before it ran


def test_a_client_that_comes_now_and_then_is_counted_one_by_one(settings, round_trips):
    settings.RATE_LIMIT_LOCAL_SECONDS = 0  # each lease has run out of time
    name = ident()
    for _ in range(5):
        assert rate_limits.spend_mostly_local(name, 1000, DAY) == (True, None)
    assert round_trips == [1] * 5
    assert shared_count(name, DAY) == 5


def test_the_limit_is_exact(leases_last):
    name = ident()
    answers = [rate_limits.spend_mostly_local(name, 40, DAY)[0] for _ in range(45)]
    assert answers == [True] * 40 + [False] * 5
    assert shared_count(name, DAY) == 40


def test_many_processes_serving_one_client_never_exceed_its_limit(
    leases_last, monkeypatch
):
    """Ten processes, each with its own leases, take one client's requests in
    turn: together they never allow more than the limit, and leave at most one
    lease each unused."""
    name = ident()
    processes = [{} for _ in range(10)]
    allowed = 0
    for n in range(400):
        monkeypatch.setattr(rate_limits, "_leases", processes[n % 10])
        allowed += rate_limits.spend_mostly_local(name, 200, DAY)[0]
    assert shared_count(name, DAY) == 200
    unused = sum(lease.left for leases in processes for lease in leases.values())
    assert allowed == 200 - unused
    assert unused <= 10 * (200 // 20)


def test_a_client_over_its_limit_waits_as_before(leases_last):
    name = ident()
    for _ in range(40):
        rate_limits.spend_mostly_local(name, 40, 60)
    allowed, retry_after = rate_limits.spend_mostly_local(name, 40, 60)
    assert not allowed and 1 <= retry_after <= 120


@pytest.mark.django_db
def test_anonymous_searches_count_ahead_and_cached_reads_one_by_one(
    settings, opds, leases_last
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000/min", "key": "1000/min"},
    }
    client = Client(REMOTE_ADDR="198.51.100.77")
    name = "ip:198.51.100.77"
    settings.RECENT_GENERATION_SECONDS = 3600
    before = shared_count(name, 60)
    reads = redis_client().info("commandstats").get("cmdstat_mget", {}).get("calls", 0)
    for q in ("banten", "pajak", "sekolah", "jalan", "rumah sakit"):
        assert client.get(f"/api/v1/search/?q={q}").status_code == 200
    after = redis_client().info("commandstats").get("cmdstat_mget", {}).get("calls", 0)
    assert after - reads == 1  # the generation, read by the first search only
    # Leases of 1, 2 and 4: three round trips for five searches.
    assert shared_count(name, 60) == before + 7
    # A cached read still counts each request in the shared cache at once.
    client.get("/api/v1/opd/")
    client.get("/api/v1/opd/")
    assert shared_count(name, 60) == before + 9


def test_the_recent_generation_is_read_once_then_kept(settings):
    settings.RECENT_GENERATION_SECONDS = 3600
    first = content_generation.recent_generation()
    assert first == content_generation.ensure_generation()
    # Another process bumps: this one keeps its copy for its second.
    redis_client().set(cache_key(content_generation.GENERATION_KEY), first + 100)
    assert content_generation.recent_generation() == first
    # Its own bump it knows at once.
    mine = content_generation.bump_content_generation()
    assert mine > first + 100
    assert content_generation.recent_generation() == mine


def test_a_stale_copy_is_read_again(settings):
    settings.RECENT_GENERATION_SECONDS = 0
    first = content_generation.recent_generation()
    redis_client().set(cache_key(content_generation.GENERATION_KEY), first + 7)
    assert content_generation.recent_generation() == first + 7
