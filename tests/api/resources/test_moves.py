"""Mirrors of OPD sites follow an item moved to another OPD: the old OPD's
tombstone feed drops it, the new OPD's listing has it."""

import pytest
from django.utils import timezone

from tests.factories import add_item, publish

pytestmark = pytest.mark.django_db


def tombstones(client, opd, since):
    response = client.get(
        "/api/v1/content/tombstones/", {"since": since.isoformat(), "opd": opd}
    )
    assert response.status_code == 200, response.content
    return [(row["id"], row["reason"]) for row in response.json()["results"]]


def listed(client, opd):
    body = client.get("/api/v1/content/", {"opd": opd, "fields": "id"}).json()
    return [row["id"] for row in body["results"]]


def test_moved_item_is_tombstoned_for_the_old_opd_only(client, opds):
    start = timezone.now()
    page = add_item(opds["dinkes"], "Posko Kesehatan")
    page.move(opds["bpbd"], pos="last-child")

    assert tombstones(client, "dinkes", start) == [(page.pk, "moved")]
    assert tombstones(client, "bpbd", start) == []
    assert page.pk in listed(client, "bpbd")
    assert page.pk not in listed(client, "dinkes")

    # Republished under its new OPD: the old OPD's mirror still learns of the move.
    page.refresh_from_db()  # as the admin loads it after the move
    publish(page)
    assert tombstones(client, "dinkes", start) == [(page.pk, "moved")]

    # Moved back: the old tombstone is gone, a new one for the other OPD.
    page.refresh_from_db()
    page.move(opds["dinkes"], pos="last-child")
    assert tombstones(client, "bpbd", start) == [(page.pk, "moved")]
    assert page.pk in listed(client, "dinkes")
