"""Where the compiled vocabulary reads its entries from, swappable for tests.

``DatabaseSource`` (the default) reads the editors' ``SearchTerm`` snippet and falls
back to the starter file while it has no rows; ``StaticSource`` reads the files only,
so pure-function tests and scripts (``data/evaluate_stemmer.py``) run without a
database or Django settings.
"""

from collections.abc import Sequence

from .vocabulary import DEFAULT_CHECK_SECONDS, VERSION_CACHE_KEY, Entry, static_entries


class StaticSource:
    """The data files only: for unit tests, scripts and the evaluation."""

    check_seconds = float("inf")  # files do not change while the process runs

    def version(self) -> object:
        return "static"

    def entries(self) -> Sequence[Entry]:
        return static_entries()


class DatabaseSource:
    """The editors' SearchTerm rows; the static file while the table is empty."""

    @property
    def check_seconds(self) -> float:
        from django.conf import settings

        return float(
            getattr(settings, "SEARCH_VOCABULARY_CHECK_SECONDS", DEFAULT_CHECK_SECONDS)
        )

    def version(self) -> object:
        from django.core.cache import cache as django_cache

        return django_cache.get(VERSION_CACHE_KEY)

    def entries(self) -> Sequence[Entry]:
        # Imported here: scripts use StaticSource without configuring Django.
        from .models import SearchTerm

        rows = [term.to_entry() for term in SearchTerm.objects.all()]
        return rows or static_entries()


_source: StaticSource | DatabaseSource | None = None


def get_source():
    global _source
    if _source is None:
        _source = DatabaseSource()
    return _source


def set_source(source):
    """Swap the vocabulary source (tests, scripts); returns the previous one."""
    global _source
    previous, _source = _source, source
    return previous
