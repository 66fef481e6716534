"""One search quality in every mode: the same corpus and queries against
Elasticsearch and the database fallback (PostgreSQL here; SQLite in a child process
as ``make run`` has it). Prints hits@1 per engine; Elasticsearch must reach 90% and
the fallback stay within 10 points of it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.client import _client, get_client
from search.indexing.models import BuiltDocument
from search.indexing.reindex import search_reindex
from search.queries.fallback_corpus import reset_corpus
from tests.search.indexing.conftest import _drop_test_indexes

from .harness import evaluate, load_corpus
from .queries import QUERIES

ROOT = Path(__file__).resolve().parents[3]
MIN_ELASTICSEARCH = 0.90
MAX_GAP = 0.10


def test_the_suite_is_large_enough():
    assert len(QUERIES) >= 50
    assert len({expected for _q, expected in QUERIES}) >= 30


@pytest.mark.django_db
def test_both_engines_rank_the_right_item_first(settings, capsys):
    url = settings.ELASTICSEARCH_URL
    _client.cache_clear()
    _drop_test_indexes()
    try:
        assert load_corpus() >= 30
        search_reindex(get_client())
        elasticsearch = evaluate("elasticsearch")

        # The embedded default: no Elasticsearch, no stored document yet.
        settings.ELASTICSEARCH_URL = ""
        BuiltDocument.objects.all().delete()
        reset_corpus()
        database = evaluate("database (PostgreSQL)")
    finally:
        reset_corpus()
        settings.ELASTICSEARCH_URL = url
        _drop_test_indexes()
    with capsys.disabled():
        for score in (elasticsearch, database):
            print(f"\n{score.line()}", *score.misses, sep="\n  ")
    assert elasticsearch.rate >= MIN_ELASTICSEARCH, elasticsearch.misses
    assert database.rate >= elasticsearch.rate - MAX_GAP, database.misses


def test_the_embedded_sqlite_default_ranks_as_well(tmp_path, capsys):
    """``make run``: SQLite, no services; the same corpus and queries."""
    services = ("CACHE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "AWS_")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(services)},
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
    }
    for command in (
        ["manage.py", "migrate", "--noinput", "-v0"],
        ["-m", "tests.search.relevance.sqlite_child"],
    ):
        run = subprocess.run(
            [sys.executable, *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert run.returncode == 0, run.stderr[-3000:]
    score = json.loads(run.stdout.strip().splitlines()[-1])
    with capsys.disabled():
        print(f"\n{score['line']}", *score["misses"], sep="\n  ")
    # Elasticsearch's floor minus the allowed gap (it runs in the test above).
    assert score["rate"] >= MIN_ELASTICSEARCH - MAX_GAP, score["misses"]
