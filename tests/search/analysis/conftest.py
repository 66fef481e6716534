"""Fixtures for the analysis tests. Pure-function tests read the vocabulary from the
data files (no database); database tests switch to the real source explicitly."""

import pytest

from search.language import analysis, sources


def _use(source):
    previous = sources.set_source(source)
    analysis.invalidate_vocabulary()
    return previous


@pytest.fixture(autouse=True)
def static_vocabulary():
    previous = _use(sources.StaticSource())
    yield
    sources.set_source(previous)
    analysis.invalidate_vocabulary()


@pytest.fixture
def db_vocabulary(db, settings):
    """The snippet as source, re-checking the shared version on every call (as a
    second worker would after its interval)."""
    settings.SEARCH_VOCABULARY_CHECK_SECONDS = 0
    _use(sources.DatabaseSource())
    yield
    analysis.invalidate_vocabulary()  # rows vanish with the test transaction
