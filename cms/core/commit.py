"""Running work after the current transaction commits.

Django has ``transaction.on_commit`` but no public way to ask whether a callback is
already waiting for the commit; ``on_commit_pending`` reads Django's private list
of pending callbacks here, and only here (tests/cms/core/test_commit.py fails loudly
if a Django upgrade changes its shape).
"""

from django.db import connection, transaction


def after_commit(func) -> None:
    """Run ``func`` once the current transaction commits (at once outside one).
    Errors are logged by Django and do not reach the committer (``robust``)."""
    transaction.on_commit(func, robust=True)


def on_commit_pending(func) -> bool:
    """True when ``func`` itself is registered for the current transaction's
    commit. A callback dropped with a rolled-back savepoint is no longer pending."""
    # Django keeps (savepoint ids, callback, robust) tuples in ``run_on_commit``.
    return any(entry[1] is func for entry in connection.run_on_commit)


def take_pending(matching) -> list:
    """Remove the callbacks waiting for the current transaction's commit that
    ``matching(func)`` accepts and return them in order: tests replay a commit
    pytest-django never makes with them (tests/api/access/conftest.py)."""
    kept, taken = [], []
    for entry in connection.run_on_commit:
        (taken if matching(entry[1]) else kept).append(entry)
    connection.run_on_commit = kept
    return [entry[1] for entry in taken]


def after_commit_once(func) -> None:
    """``after_commit`` unless ``func`` already waits for this commit: one run per
    transaction however many changes ask for it."""
    if not on_commit_pending(func):
        after_commit(func)
