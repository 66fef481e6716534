"""An item moved to another OPD leaves the old OPD's site and joins the new one's."""

import pytest

from tests.factories import add_item

pytestmark = pytest.mark.django_db


def test_a_move_to_another_opd_tells_both_sites(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["dinkes"], receiver.url)
    make_endpoint(opds["bpbd"], receiver.url)
    with committed():
        page = add_item(opds["dinkes"], "Posko Kesehatan Banjir")
    receiver.requests.clear()

    with committed():
        page.move(opds["bpbd"], pos="last-child")

    sent = sorted(
        (r.json["opd"], r.json["event"], r.json["object"]["id"])
        for r in receiver.requests
    )
    assert sent == [
        ("bpbd", "content.published", page.pk),
        ("dinkes", "content.unpublished", page.pk),
    ]
    dropped = next(r.json for r in receiver.requests if r.json["opd"] == "dinkes")
    assert dropped["object"]["title"] is None  # gone from that site: ids only


def test_a_move_within_the_opd_sends_nothing(opds, receiver, make_endpoint, committed):
    make_endpoint(opds["dinkes"], receiver.url)
    with committed():
        page = add_item(opds["dinkes"], "Jadwal Posyandu")
        add_item(opds["dinkes"], "Lain")
    receiver.requests.clear()
    with committed():
        page.move(opds["dinkes"], pos="last-child")
    assert receiver.requests == []
