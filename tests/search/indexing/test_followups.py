"""A published complaint follow-up is in the public index as its own kind, without
the reporter's identity or the tracking code; withdrawn, it leaves the index."""

import json

import pytest

from cms.complaints.publication import followup_withdraw
from tests.factories.complaints import verifier
from tests.factories.followups import IDENTITY, publish_followup, resolved_report

from .helpers import drain, indexed

pytestmark = pytest.mark.django_db


def test_published_follow_up_is_indexed_then_removed(
    opds, django_capture_on_commit_callbacks
):
    report = resolved_report(opds["dinkes"], privacy="rahasia")
    team = verifier()
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_followup(report, team)
    drain()
    doc = indexed(page)
    assert doc["kind"] == "tindak-lanjut"
    assert doc["opd_slug"] == "dinkes"
    assert "ditambal dengan aspal hotmix" in doc["body"]
    assert "Kota Serang" in doc["body"] and "Jalan dan jembatan" in doc["body"]
    flat = json.dumps(doc).lower()
    for secret in [*IDENTITY.values(), "siti", "rahmawati", report.tracking_code]:
        assert secret.lower() not in flat, secret

    with django_capture_on_commit_callbacks(execute=True):
        followup_withdraw(report=report, user=team)
    drain()
    assert indexed(page) is None
