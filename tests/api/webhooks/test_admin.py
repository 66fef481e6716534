"""The admin: superusers manage every endpoint, an OPD's editors only their own
OPD's; the secret is shown and rotated; the delivery log and "Kirim ulang"."""

import pytest
from django.urls import reverse

from api.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from api.webhooks.signing import verify_signature
from tests.factories import UserFactory, add_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(*groups, superuser=False):
        client.force_login(UserFactory(groups=groups, superuser=superuser))
        return client

    return as_user


def _form(opd, url, **extra):
    return {
        "opd": opd.pk,
        "name": "Situs resmi",
        "url": url,
        "event_types": ["content.published", "content.updated"],
        "active": "on",
        **extra,
    }


def test_superuser_adds_an_endpoint_sees_and_rotates_its_secret(opds, login, receiver):
    admin = login(superuser=True)
    assert (
        "Webhook situs OPD" in admin.get(reverse("wagtailadmin_home")).content.decode()
    )
    response = admin.post(
        reverse("api_webhooks:add"), _form(opds["dinkes"], receiver.url)
    )
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("api_webhooks:edit", args=[endpoint.pk])
    assert endpoint.opd == opds["dinkes"]
    assert endpoint.event_types == ["content.published", "content.updated"]
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) > 40

    page = admin.get(response["Location"]).content.decode()
    assert endpoint.secret in page

    old = endpoint.secret
    admin.post(reverse("api_webhooks:rotate_secret", args=[endpoint.pk]))
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    assert endpoint.secret in admin.get(response["Location"]).content.decode()


def test_opd_editors_see_and_manage_only_their_own_opd(
    opds, login, make_endpoint, receiver, committed
):
    own = make_endpoint(opds["dinkes"], receiver.url, name="Situs Dinkes")
    other = make_endpoint(opds["diskominfo"], receiver.url, name="Situs Kominfo")
    with committed():
        add_item(opds["dinkes"], "Berita Dinkes")
        add_item(opds["diskominfo"], "Berita Kominfo")
    other_delivery = WebhookDelivery.objects.get(endpoint=other)

    editor = login(opds["dinkes"].editor_group)
    listing = editor.get(reverse("api_webhooks:index")).content.decode()
    assert "Situs Dinkes" in listing and "Situs Kominfo" not in listing
    assert (
        other.secret
        not in editor.get(reverse("api_webhooks:edit", args=[own.pk])).content.decode()
    )
    for name in ("edit", "delete"):
        assert (
            editor.get(reverse(f"api_webhooks:{name}", args=[other.pk])).status_code
            == 404
        )
    assert (
        editor.post(reverse("api_webhooks:rotate_secret", args=[other.pk])).status_code
        == 404
    )
    log = editor.get(reverse("api_webhooks:deliveries")).content.decode()
    assert "Situs Dinkes" in log and "Situs Kominfo" not in log
    detail = reverse("api_webhooks:delivery", args=[other_delivery.pk])
    assert editor.get(detail).status_code == 404
    redeliver = reverse("api_webhooks:redeliver", args=[other_delivery.pk])
    assert editor.post(redeliver).status_code == 404

    # Another OPD cannot be chosen, even by posting its id by hand.
    response = editor.post(
        reverse("api_webhooks:add"), _form(opds["diskominfo"], receiver.url)
    )
    assert response.status_code == 200
    assert "opd" in response.context["form"].errors
    assert WebhookEndpoint.objects.count() == 2
    before = other.secret
    other.refresh_from_db()
    assert other.secret == before


def test_users_without_an_opd_have_no_webhook_admin(opds, login):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Admin saja")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = login(group)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert user.get(reverse("api_webhooks:index")).status_code in {302, 403}
    assert (
        "Webhook situs OPD"
        not in user.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_production_refuses_plain_http_and_private_addresses(opds, login, settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = False
    admin = login(superuser=True)
    for url, message in [
        ("http://example.org/hook", "Gunakan HTTPS"),
        ("https://127.0.0.1/hook", "jaringan privat"),
        ("https://10.1.2.3:8443/hook", "jaringan privat"),
        ("https://[::1]/hook", "jaringan privat"),
    ]:
        response = admin.post(reverse("api_webhooks:add"), _form(opds["bpbd"], url))
        assert response.status_code == 200, url
        assert message in str(response.context["form"].errors["url"]), url
    assert not WebhookEndpoint.objects.exists()


def test_private_address_is_refused_at_send_time_too(
    opds, make_endpoint, receiver, committed, settings
):
    # Registered while allowed (or its DNS answer changed later): never sent.
    make_endpoint(opds["dinkes"], receiver.url)
    settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = False
    with committed():
        add_item(opds["dinkes"], "Tidak Terkirim")
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "jaringan privat" in delivery.last_error


def test_delivery_log_filters_and_redelivers(
    opds, login, make_endpoint, receiver, committed
):
    endpoint = make_endpoint(opds["bpbd"], receiver.url, name="Situs BPBD")
    with committed():
        page = add_item(opds["bpbd"], "Gempa Bumi")
    receiver.default = 500
    with committed():
        page.unpublish()
    failed = WebhookDelivery.objects.get(event="content.unpublished")
    assert failed.status == DeliveryStatus.FAILED

    admin = login(superuser=True)
    log = admin.get(
        reverse("api_webhooks:deliveries"),
        {"endpoint": endpoint.pk, "status": "failed"},
    )
    rows = list(log.context["page_obj"].object_list)
    assert rows == [failed]
    assert "HTTP 500" in log.content.decode()

    original = WebhookDelivery.objects.get(event="content.published")
    detail = admin.get(reverse("api_webhooks:delivery", args=[original.pk]))
    assert str(original.delivery_id) in detail.content.decode()
    assert "Gempa Bumi" in detail.content.decode()  # the payload

    receiver.default = 200
    with committed():
        response = admin.post(reverse("api_webhooks:redeliver", args=[original.pk]))
    copy = WebhookDelivery.objects.get(redelivery_of=original)
    assert response.status_code == 302
    assert response["Location"] == reverse("api_webhooks:delivery", args=[copy.pk])
    assert copy.status == DeliveryStatus.SUCCEEDED
    resent = receiver.requests[-1]
    assert resent.json["id"] == str(copy.delivery_id) != str(original.delivery_id)
    assert resent.json["object"] == original.payload["object"]
    assert resent.json["event"] == "content.published"
    assert verify_signature(
        endpoint.secret, resent.headers["X-Sipanganten-Signature"], resent.body
    )
