"""After-commit callbacks (cms/core/commit.py): once per transaction, and the one
read of Django's private list of pending callbacks, checked against its shape."""

import pytest
from django.db import connection, transaction

from cms.core.commit import (
    after_commit,
    after_commit_once,
    on_commit_pending,
    take_pending,
)

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def test_djangos_pending_callbacks_keep_their_shape():
    def callback():
        pass

    with transaction.atomic():
        after_commit(callback)
        entry = connection.run_on_commit[-1]
        assert isinstance(entry, tuple) and len(entry) == 3, (
            "Django changed the entries of connection.run_on_commit (expected "
            f"(savepoint ids, callback, robust), got {entry!r}): update "
            "cms/core/commit.py, the one place that reads them"
        )
        savepoints, func, robust = entry
        assert isinstance(savepoints, set) and func is callback and robust is True, (
            "Django changed the entries of connection.run_on_commit: update "
            "cms/core/commit.py"
        )
        assert on_commit_pending(callback)


def test_registered_many_times_it_runs_once(django_capture_on_commit_callbacks):
    runs = []

    def bump():
        runs.append(1)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for _ in range(3):
            after_commit_once(bump)
    assert len(callbacks) == 1 and runs == [1]


def test_a_callback_dropped_with_a_savepoint_is_registered_again(
    django_capture_on_commit_callbacks,
):
    runs = []

    def bump():
        runs.append(1)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(Rollback), transaction.atomic():
            after_commit_once(bump)
            raise Rollback
        assert not on_commit_pending(bump)
        after_commit_once(bump)
    assert runs == [1]


def test_take_pending_removes_only_the_matching_callbacks():
    def ours():
        pass

    def theirs():
        pass

    with transaction.atomic():
        after_commit(ours)
        after_commit(theirs)
        assert take_pending(lambda func: func is ours) == [ours]
        assert not on_commit_pending(ours) and on_commit_pending(theirs)
