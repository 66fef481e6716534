"""People of two OPDs and the province, and an editor who submits for review."""

from contextlib import contextmanager
from functools import partial

import pytest

from cms.core.commit import take_pending
from tests.cms.editorial.reviewing import review_people, submit_infographic


@pytest.fixture
def people(opds):
    return review_people(opds)


@pytest.fixture
def submit(client, opds, people):
    """The editor of Diskominfo submits an accessible infographic for review."""
    return partial(submit_infographic, client, people["editor"], opds["diskominfo"])


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...``: the block is one committed transaction. What the
    fixtures left waiting for a commit pytest-django never makes is run first (one
    delivery is registered per transaction, and theirs would absorb the block's)."""

    @contextmanager
    def block():
        for earlier in take_pending(lambda func: True):
            earlier()
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return block
