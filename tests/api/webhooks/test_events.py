"""Publishing, updating, unpublishing and deleting pages reach the OPD's own
endpoints as signed POSTs to a real receiver, and no other OPD's."""

import time

import pytest
from wagtail.models import PageViewRestriction

from api.webhooks.models import DeliveryStatus, WebhookDelivery
from api.webhooks.signing import verify_signature
from cms.content.models import ArticlePage
from cms.core.public_urls import page_public_url
from tests.factories import add_dip_entry, add_item, add_series, publish

pytestmark = pytest.mark.django_db


def test_publish_sends_one_signed_post(opds, receiver, make_endpoint, committed):
    endpoint = make_endpoint(opds["dinkes"], receiver.url)
    with committed():
        page = add_item(opds["dinkes"], "Imunisasi Campak", model=ArticlePage)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request.path == "/hooks/sipanganten"
    headers = {k.lower(): v for k, v in request.headers.items()}
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"] == "Sipanganten-Webhooks/1"
    assert headers["x-sipanganten-event"] == "content.published"
    signature = headers["x-sipanganten-signature"]
    assert verify_signature(endpoint.secret, signature, request.body)
    assert not verify_signature("whsec_salah", signature, request.body)
    assert not verify_signature(endpoint.secret, signature, request.body + b" ")
    # The same request replayed ten minutes later is refused.
    assert not verify_signature(
        endpoint.secret, signature, request.body, now=time.time() + 600
    )

    payload = request.json
    delivery = WebhookDelivery.objects.get()
    assert (
        payload["id"] == str(delivery.delivery_id) == headers["x-sipanganten-delivery"]
    )
    assert payload["event"] == "content.published"
    assert payload["occurred_at"].endswith("+07:00")  # WIB
    assert payload["opd"] == "dinkes"
    assert payload["object"] == {
        "id": page.pk,
        "type": "artikel",
        "opd": "dinkes",
        "slug": page.slug,
        "title": "Imunisasi Campak",
        "url": page_public_url(page),
        "api_url": f"/api/v1/content/{page.pk}/",
    }
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 1
    assert delivery.last_status_code == 200
    assert delivery.delivered_at is not None
    assert '"ok"' in delivery.response_excerpt


def test_update_unpublish_delete_and_publish_again(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["bpbd"], receiver.url)
    with committed():
        page = add_item(opds["bpbd"], "Peta Rawan Banjir")
    with committed():
        page.title = "Peta Rawan Banjir 2025"
        publish(page)
    assert receiver.events() == ["content.published", "content.updated"]
    assert receiver.requests[1].json["object"]["title"] == "Peta Rawan Banjir 2025"

    with committed():
        page.unpublish()
    gone = receiver.requests[2].json
    assert gone["event"] == "content.unpublished"
    # Ids only: nothing of the withdrawn item's content.
    assert gone["object"]["id"] == page.pk
    assert gone["object"]["title"] is gone["object"]["url"] is None

    with committed():
        publish(page)  # public again: sites that removed it add it back
    assert receiver.events()[3] == "content.published"

    with committed():
        page.delete()  # Wagtail unpublishes it too: announced as deleted only
    assert len(receiver.requests) == 5
    deleted = receiver.requests[4].json
    assert deleted["event"] == "content.deleted"
    assert deleted["object"]["id"] == page.pk
    assert deleted["object"]["type"] == "rilis"
    assert deleted["object"]["opd"] == "bpbd"
    assert deleted["object"]["title"] is None


def test_other_opds_endpoints_hear_nothing(opds, receiver, make_endpoint, committed):
    make_endpoint(opds["dinkes"], receiver.url)
    with committed():
        page = add_item(opds["diskominfo"], "Layanan Daring Baru")
        page.unpublish()
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_drafts_scheduled_and_never_published_pages_send_nothing(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["dinkes"], receiver.url)
    with committed():
        draft = add_item(opds["dinkes"], "Rancangan Rilis", live=False)
        draft.title = "Rancangan Kedua"
        draft.save_revision()
        draft.delete()  # never announced, so its deletion is not either
        live = add_item(opds["dinkes"], "Rilis Terbit")
        live.title = "Judul Draf Belum Terbit"
        live.save_revision()  # a draft change of a live page
    assert receiver.events() == ["content.published"]
    assert "Judul Draf" not in receiver.requests[0].body.decode()


def test_private_pages_are_not_announced(opds, receiver, make_endpoint, committed):
    make_endpoint(opds["dinkes"], receiver.url)
    page = add_item(opds["dinkes"], "Data Internal", live=False)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    with committed():
        publish(page)
    assert receiver.requests == []


def test_dip_entries_and_exempted_entries_carry_no_content(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["dinkes"], receiver.url)
    with committed():
        add_dip_entry(opds["dinkes"], "Laporan Keuangan", ringkasan="Rahasia umum")
        add_dip_entry(
            opds["dinkes"],
            "Rekam Medis Pasien",
            kategori="dikecualikan",
            ringkasan="Isi yang dikecualikan",
        )
    assert [r.json["object"]["type"] for r in receiver.requests] == ["dip", "dip"]
    # Entries have no detail resource: the site re-reads its OPD's DIP list.
    assert {r.json["object"]["api_url"] for r in receiver.requests} == {
        "/api/v1/opd/dinkes/dip/"
    }
    for request in receiver.requests:
        assert "Rahasia umum" not in request.body.decode()
        assert "dikecualikan" not in request.body.decode()


def test_series_notifies_the_opds_whose_items_are_in_it(
    opds, receiver, make_endpoint, committed
):
    kominfo = make_endpoint(opds["diskominfo"], receiver.url)
    dinkes = make_endpoint(opds["dinkes"], receiver.url)
    bpbd = make_endpoint(opds["bpbd"], receiver.url)
    series = add_series(opds["diskominfo"], "Info RB Tematik")
    with committed():
        item = add_item(opds["dinkes"], "Puskesmas Ramah Anak", series=series)
    # The item's own OPD, and the OPD whose series it joins.
    by_endpoint = {
        d.endpoint_id for d in WebhookDelivery.objects.filter(page_id=item.pk)
    }
    assert by_endpoint == {dinkes.pk, kominfo.pk}

    with committed():
        series.title = "Info RB Tematik 2025"
        publish(series)
    series_deliveries = WebhookDelivery.objects.filter(page_id=series.pk)
    assert {d.endpoint_id for d in series_deliveries} == {kominfo.pk, dinkes.pk}
    assert bpbd.deliveries.count() == 0
    dinkes_copy = series_deliveries.get(endpoint=dinkes).payload
    assert dinkes_copy["opd"] == "dinkes"  # the receiving OPD
    assert dinkes_copy["object"]["opd"] == "diskominfo"  # the series' owner
    assert dinkes_copy["object"]["type"] == "seri"
    assert dinkes_copy["object"]["api_url"] == f"/api/v1/series/{series.slug}/"
    assert dinkes_copy["event"] == "content.updated"


def test_subscriptions_and_inactive_endpoints(opds, receiver, make_endpoint, committed):
    make_endpoint(opds["dinkes"], receiver.url, event_types=["content.deleted"])
    make_endpoint(opds["dinkes"], receiver.url, active=False)
    with committed():
        page = add_item(opds["dinkes"], "Hanya Hapus")
    assert receiver.requests == []
    with committed():
        page.delete()
    assert receiver.events() == ["content.deleted"]


def test_privacy_changes_remove_and_restore_pages(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["dinkes"], receiver.url)
    with committed():
        page = add_item(opds["dinkes"], "Rapat Terbuka")
        other = add_item(opds["dinkes"], "Tetap Publik")
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    assert receiver.events()[2:] == ["content.unpublished"]
    assert receiver.requests[2].json["object"]["id"] == page.pk
    assert receiver.requests[2].json["object"]["title"] is None
    with committed():
        restriction.delete()
    assert receiver.events()[3:] == ["content.published"]
    assert receiver.requests[3].json["object"]["title"] == "Rapat Terbuka"
    assert other.pk not in {r.json["object"]["id"] for r in receiver.requests[2:]}

    # A page deleted with its restriction is only announced as deleted.
    with committed():
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    with committed():
        page.delete()
    assert receiver.events()[4:] == ["content.unpublished", "content.deleted"]


def test_restricting_an_opd_withdraws_its_live_pages(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["bpbd"], receiver.url)
    with committed():
        live = add_item(opds["bpbd"], "Terbit")
        add_item(opds["bpbd"], "Draf", live=False)
    with committed():
        PageViewRestriction.objects.create(
            page=opds["bpbd"], restriction_type=PageViewRestriction.LOGIN
        )
    withdrawn = [r.json for r in receiver.requests[1:]]
    assert [(p["event"], p["object"]["id"]) for p in withdrawn] == [
        ("content.unpublished", live.pk)
    ]
