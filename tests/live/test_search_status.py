"""The edit form's search status follows the index: when the outbox drains a page,
its watchers' open forms are told to re-fetch the status, which only they may read."""

import pytest
from django.urls import reverse

from search.tasks import drain_search_outbox
from tests.factories import UserFactory, add_item
from tests.search.indexing.conftest import clean_indexes  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_indexes")]


def test_a_drained_page_tells_its_watchers_to_refetch_its_status(
    opds, live_events, committed, client
):
    editor = UserFactory(opd=opds["diskominfo"], role="editor")
    outsider = UserFactory(opd=opds["dinkes"], role="editor")
    with committed():
        page = add_item(opds["diskominfo"], "Rilis jembatan Cisadane")
    with committed():
        drain_search_outbox.apply()  # as the worker runs it

    search_events = [e for e in live_events() if e["topic"] == "search"]
    assert search_events and page.pk in search_events[-1]["pages"]
    assert editor.pk in search_events[-1]["users"]
    assert outsider.pk not in search_events[-1]["users"]

    url = reverse("search_index_status", args=[page.pk])
    client.force_login(editor)
    status = client.get(url)
    assert "Terakhir diindeks di pencarian publik" in status.content.decode()
    assert f'data-live-page="{page.pk}"' in status.content.decode()
    client.force_login(outsider)
    assert client.get(url).status_code == 404
