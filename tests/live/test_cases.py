"""Citizen cases on live screens: a complaint's step reaches the verification team
and the liaisons of the OPDs handling it, never another OPD's liaison; the open
queue re-fetches itself in place."""

import pytest
from django.urls import reverse

from cms.complaints import services
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db


def _cases(events) -> list[dict]:
    return [e for e in events if e["topic"] == "cases"]


def test_a_disposition_reaches_the_team_and_the_handling_opd_only(
    opds, live_events, committed
):
    team = verifier()
    dinkes, bpbd = liaison_of(opds["dinkes"]), liaison_of(opds["bpbd"])
    report = add_report()
    with committed():
        services.dispose(report, team, [opds["dinkes"]], "Mohon ditindaklanjuti.")

    events = _cases(live_events())
    assert events, "the step sent no live event"
    assert dinkes.pk in events[-1]["users"]
    for event in events:
        assert team.pk in event["users"]
        assert bpbd.pk not in event["users"]
        assert set(event) == {"topic", "users", "ops"}  # people's ids, no case data


def test_the_open_queue_declares_itself_for_refetching(opds, client):
    client.force_login(verifier())
    html = client.get(reverse("complaints_admin:semua")).content.decode()
    assert 'data-live-topics="cases"' in html
    assert 'data-live-select="#case-queue"' in html
