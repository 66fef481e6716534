"""Incremental sync: cursors stay stable while items are published, and the
tombstone feed tells a mirror what to drop."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import add_item, publish

pytestmark = pytest.mark.django_db


def test_cursor_pages_stay_stable_when_an_item_is_published(client, opds):
    base = timezone.now() - datetime.timedelta(days=10)
    for n in range(5):
        add_item(
            opds["dinkes"], f"Butir {n}", publish_date=base + datetime.timedelta(days=n)
        )
    first = client.get("/api/v1/content/?page_size=2").json()
    add_item(opds["dinkes"], "Baru")  # newest: would shift an offset-based page
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    seen = [r["title"] for page in (first, second, third) for r in page["results"]]
    assert seen == [f"Butir {n}" for n in (4, 3, 2, 1, 0)]
    assert third["next"] is None
    back = client.get(second["previous"]).json()
    assert [r["title"] for r in back["results"]] == ["Butir 4", "Butir 3"]


def test_cursor_with_equal_dates_and_other_orderings(client, opds):
    same = timezone.now() - datetime.timedelta(days=1)
    for n in range(5):
        add_item(opds["dinkes"], f"Sama {n}", publish_date=same)
    for ordering in ("-published", "published", "updated", "-updated", "title"):
        url = f"/api/v1/content/?page_size=2&ordering={ordering}"
        ids = []
        while url:
            body = client.get(url).json()
            ids += [row["id"] for row in body["results"]]
            url = body["next"]
        assert len(ids) == len(set(ids)) == 5, ordering


def sync_tombstones(client, since):
    response = client.get(
        "/api/v1/content/tombstones/", {"since": since.isoformat(), "opd": "bpbd"}
    )
    assert response.status_code == 200, response.content
    return [(row["id"], row["reason"]) for row in response.json()["results"]]


def test_tombstones_follow_unpublish_private_delete_and_republish(client, opds):
    start = timezone.now()
    gone = add_item(opds["bpbd"], "Ditarik")
    hidden = add_item(opds["bpbd"], "Privat")
    deleted = add_item(opds["bpbd"], "Dihapus")
    never = add_item(opds["bpbd"], "Draf dihapus", live=False)
    other = add_item(opds["dinkes"], "OPD lain")
    assert sync_tombstones(client, start) == []

    gone.unpublish()
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    deleted_id = deleted.pk
    deleted.delete()
    never.delete()
    other.unpublish()  # another OPD: filtered out below

    assert sync_tombstones(client, start) == [
        (gone.pk, "unpublished"),
        (hidden.pk, "private"),
        (deleted_id, "deleted"),
    ]
    row = client.get("/api/v1/content/tombstones/").json()["results"][0]
    assert row == {
        "id": gone.pk,
        "opd": "bpbd",
        "type": "rilis",
        "reason": "unpublished",
        "removed_at": row["removed_at"],
    }
    assert row["removed_at"].endswith("+07:00")

    # Republished: the tombstone goes, the item comes back with updated_since.
    before_republish = timezone.now()
    publish(gone)
    assert (gone.pk, "unpublished") not in sync_tombstones(client, start)
    changed = client.get(
        "/api/v1/content/",
        {"updated_since": before_republish.isoformat(), "fields": "id"},
    ).json()["results"]
    assert changed == [{"id": gone.pk}]
    # Private and published again stays dropped; lifting the restriction clears it.
    publish(hidden)
    assert (hidden.pk, "private") in sync_tombstones(client, start)
    PageViewRestriction.objects.filter(page=hidden).delete()
    assert (hidden.pk, "private") not in sync_tombstones(client, start)
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert sync_tombstones(client, later) == []


def test_tombstone_parameters(client, opds):
    bad = client.get("/api/v1/content/tombstones/?since=besok")
    assert bad.status_code == 400
    assert list(bad.json()["error"]["fields"]) == ["since"]


def test_restricting_an_opd_tombstones_all_its_items(client, opds):
    start = timezone.now()
    first = add_item(opds["bpbd"], "Satu")
    second = add_item(opds["bpbd"], "Dua")
    PageViewRestriction.objects.create(
        page=opds["bpbd"], restriction_type=PageViewRestriction.LOGIN
    )
    assert sorted(sync_tombstones(client, start)) == sorted(
        [(first.pk, "private"), (second.pk, "private")]
    )
    assert client.get("/api/v1/content/?opd=bpbd").status_code == 400  # not public
    assert client.get(f"/api/v1/content/{first.pk}/").status_code == 404
