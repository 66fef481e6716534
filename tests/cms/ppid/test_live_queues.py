"""Open PPID queues re-fetch themselves when a request moves: one live event per
transaction, to the PPID people whose queues show the request, whatever the
number of steps logged (each step once sent its own event and looked its
audience up again)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cms.core.commit import take_pending
from cms.ppid import services, steps
from cms.ppid.models import Action

pytestmark = pytest.mark.django_db


def _commit_hooks_of(batch):
    """The commit pytest-django never makes: run what waits for it, counting
    the queries of the live refresh."""
    with CaptureQueriesContext(connection) as queries:
        for func in take_pending(lambda func: func is batch):
            func()
    return len(queries)


def test_one_event_per_transaction_to_the_queues_that_show_the_requests(
    opds, people, file_request, live_events
):
    requests = [file_request(addressed_opd=opds["dinkes"]) for _ in range(3)]
    take_pending(lambda func: True)  # the filing's own commit hooks: not this test
    live_events()  # and its events

    with transaction.atomic():
        for request in requests:
            for _ in range(3):
                steps.log(request, Action.REMINDER, "Pengingat.", role="sistem")
    queries = _commit_hooks_of(steps._moved)

    events = [e for e in live_events() if e["topic"] == "cases"]
    assert len(events) == 1, events
    users = set(events[0]["users"])
    assert {people["utama"].pk, people["atasan"].pk, people["dinkes"].pk} <= users
    assert people["bpbd"].pk not in users
    # The requests' OPDs, then the members of their groups: never per step.
    assert queries == 2


def test_a_rolled_back_step_sends_nothing(opds, people, file_request, live_events):
    request = file_request(addressed_opd=opds["dinkes"])
    take_pending(lambda func: True)
    live_events()

    with pytest.raises(RuntimeError), transaction.atomic():
        services.request_assign(request=request, opd=opds["bpbd"], user=people["utama"])
        raise RuntimeError("the officer's request failed later")
    _commit_hooks_of(steps._moved)

    assert live_events() == []
