"""One search quality in every mode: the same corpus and queries against
Elasticsearch and the database fallback (PostgreSQL here; SQLite in a child process
as ``make run`` has it). Prints hits@1 per engine; Elasticsearch must reach 90% and
the fallback stay within 10 points of it."""

import json

import pytest

from search.client import _client, get_client
from search.indexing.models import BuiltDocument
from search.indexing.reindex import search_reindex
from search.queries.fallback_corpus import reset_corpus
from tests.embedded.child import embedded_env, run_python
from tests.search.indexing.conftest import _drop_test_indexes

from .harness import evaluate, load_corpus
from .queries import QUERIES

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
    env = embedded_env(tmp_path)
    run_python(env, "manage.py", "migrate", "--noinput", "-v0", timeout=900)
    printed = run_python(env, "-m", "tests.search.relevance.sqlite_child", timeout=900)
    score = json.loads(printed.strip().splitlines()[-1])
    with capsys.disabled():
        print(f"\n{score['line']}", *score["misses"], sep="\n  ")
    # Elasticsearch's floor minus the allowed gap (it runs in the test above).
    assert score["rate"] >= MIN_ELASTICSEARCH - MAX_GAP, score["misses"]
