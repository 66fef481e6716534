"""Register numbers on the real PostgreSQL: concurrent submissions never share
a number, and a rolled-back submission leaves no gap."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from cms.ppid.models import InformationRequest
from cms.ppid.steps import next_register_number

from .conftest import request_data

# Other connections must see the rows: real transactions, and the data the
# migrations load (holidays, the page tree) restored afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _submit(results, barrier):
    from cms.ppid import services

    try:
        barrier.wait()
        request, _token = services.request_submit(data=request_data(), source="api")
        results.append(request.register_number)
    finally:
        connection.close()


def test_two_concurrent_submissions_get_different_numbers():
    assert connection.vendor == "postgresql"
    results, barrier = [], threading.Barrier(2)
    threads = [
        threading.Thread(target=_submit, args=(results, barrier)) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    year = InformationRequest.objects.get(register_number=results[0]).year
    assert sorted(results) == [f"PPID/{year}/000001", f"PPID/{year}/000002"]


def test_a_rolled_back_submission_gives_its_number_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        first = next_register_number(2026)
        raise RuntimeError("the request could not be stored")
    assert first == "PPID/2026/000001"
    with transaction.atomic():
        assert next_register_number(2026) == "PPID/2026/000001"
        assert next_register_number(2026) == "PPID/2026/000002"
