"""Complaint steps reach OPD sites as signed ``report.*`` webhooks: the disposed
OPDs and the province desk hear them, other OPDs do not, and no payload ever
carries the reporter's identity or secret link."""

import pytest

from api.webhooks.models import DeliveryStatus, WebhookDelivery
from api.webhooks.signing import verify_signature
from cms.complaints import services
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

REPORT_EVENTS = [
    "report.submitted",
    "report.verified",
    "report.responded",
    "report.resolved",
    "report.closed",
]
IDENTITY = ("Siti Rahasia", "siti.rahasia@example.org", "081234567890")


@pytest.fixture
def endpoints(opds, receiver, make_endpoint):
    return {
        slug: make_endpoint(
            opds[slug], f"{receiver.url}/{slug}/", event_types=REPORT_EVENTS
        )
        for slug in ("diskominfo", "dinkes", "bpbd")
    }


def heard(receiver, slug):
    return [r.json["event"] for r in receiver.requests if r.path.endswith(f"/{slug}/")]


def test_report_steps_reach_the_desk_and_the_disposed_opd(
    opds, endpoints, receiver, committed
):
    team, liaison = verifier(), liaison_of(opds["dinkes"])
    with committed():
        report = add_report(
            privacy="rahasia",
            reporter_name=IDENTITY[0],
            reporter_email=IDENTITY[1],
            reporter_phone=IDENTITY[2],
            address="Jl. Rahasia No. 7",
        )
    with committed():
        services.dispose(report, team, [opds["dinkes"]], "Catatan internal tim.")
    report.refresh_from_db()
    with committed():
        services.respond(report, liaison, opds["dinkes"], "Kami tinjau besok.")
    assert heard(receiver, "diskominfo") == [
        "report.submitted",
        "report.verified",
        "report.responded",
    ]
    assert heard(receiver, "dinkes") == ["report.verified", "report.responded"]
    assert heard(receiver, "bpbd") == []
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {
        DeliveryStatus.SUCCEEDED
    }

    last = receiver.requests[-1]
    secret = endpoints[last.path.strip("/").rsplit("/", 1)[-1]].secret
    assert verify_signature(secret, last.headers["X-Sipanganten-Signature"], last.body)
    obj = last.json["object"]
    assert obj["code"] == report.tracking_code
    assert obj["status"] == "tindak_lanjut"
    assert obj["opds"] == ["dinkes"]
    assert obj["category"]["slug"] == report.category.slug
    assert obj["last_public_entry"]["message"] == "Kami tinjau besok."
    assert obj["last_public_entry"]["opd"] == "dinkes"

    bodies = b"".join(r.body for r in receiver.requests).decode()
    for secret_text in (*IDENTITY, "Jl. Rahasia", report.token, "Catatan internal"):
        assert secret_text not in bodies


def test_endpoints_that_did_not_choose_report_events_hear_nothing(
    opds, receiver, make_endpoint, committed
):
    make_endpoint(opds["diskominfo"], receiver.url, event_types=["content.published"])
    with committed():
        add_report()
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_withdrawn_opd_hears_the_redisposition(opds, endpoints, receiver, committed):
    team = verifier()
    report = add_report()  # its submission is no concern of this test
    with committed():
        services.dispose(report, team, [opds["bpbd"]], "")
    report.refresh_from_db()
    with committed():
        services.dispose(report, team, [opds["dinkes"]], "")
    assert heard(receiver, "bpbd") == ["report.verified", "report.verified"]
    assert receiver.requests[-1].json["object"]["opds"] == ["dinkes"]
