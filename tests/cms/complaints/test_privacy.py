"""Anonim keeps no identity at all; rahasia shows it to the verification team only;
the client address and the reporter's link are stored only as keyed hashes."""

import pytest
from django.core.exceptions import ValidationError

from cms.complaints import services
from cms.complaints.models import Report
from cms.complaints.selectors import find_by_token, reporter_identity_visible
from tests.factories import UserFactory
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

IDENTITY = {
    "reporter_name": "Siti Aminah",
    "reporter_email": "siti@example.org",
    "reporter_phone": "0812-3456-7890",
}


def test_anonim_stores_no_identity_whatever_is_posted(opds):
    report = add_report(privacy="anonim", **IDENTITY, client_ip="203.0.113.9")
    row = Report.objects.filter(pk=report.pk).values()[0]
    assert (row["reporter_name"], row["reporter_email"], row["reporter_phone"]) == (
        "",
        "",
        "",
    )
    assert "203.0.113.9" not in str(row)
    assert row["client_ip_hash"] and len(row["client_ip_hash"]) == 64
    for user in (verifier(), UserFactory(superuser=True)):
        assert not reporter_identity_visible(user, report)


def test_rahasia_identity_only_for_the_verification_team(opds):
    dinkes = opds["dinkes"]
    report = add_report(privacy="rahasia", opds=[dinkes], **IDENTITY)
    assert report.reporter_name == "Siti Aminah"
    assert report.reporter_phone == "081234567890"
    assert reporter_identity_visible(verifier(), report)
    assert reporter_identity_visible(UserFactory(superuser=True), report)
    assert not reporter_identity_visible(liaison_of(dinkes), report)
    assert not reporter_identity_visible(UserFactory(), report)


def test_biasa_identity_for_whoever_handles_the_report(opds):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    report = add_report(privacy="biasa", opds=[dinkes], **IDENTITY)
    assert reporter_identity_visible(liaison_of(dinkes), report)
    assert not reporter_identity_visible(liaison_of(bpbd), report)
    assert not reporter_identity_visible(UserFactory(), report)


def test_only_the_token_hash_is_stored(opds):
    report = add_report()
    assert report.token not in str(Report.objects.filter(pk=report.pk).values()[0])
    assert find_by_token(report.tracking_code.lower(), report.token) == report
    assert find_by_token(report.tracking_code, report.token + "x") is None
    assert find_by_token(report.tracking_code, "") is None


def test_spam_and_merge_public_messages_are_neutral(opds):
    team = verifier()
    spam, dup, original = add_report(), add_report(), add_report()
    services.mark_spam(spam, team, "Akun pengirim iklan judi")
    services.merge(dup, original, team)
    for report in (spam, dup):
        public = report.timeline.filter(public=True).exclude(action="submitted")
        (entry,) = public
        assert "judi" not in entry.message and original.tracking_code not in (
            entry.message
        )


@pytest.mark.parametrize("privacy", ["biasa", "rahasia"])
def test_a_named_report_needs_a_name_and_a_contact_at_every_door(opds, privacy):
    """Enforced by ``submit`` itself, not only by the portal and API forms."""
    with pytest.raises(ValidationError) as refused:
        add_report(
            privacy=privacy, reporter_name="", reporter_email="", reporter_phone=""
        )
    assert set(refused.value.message_dict) == {"reporter_name", "reporter_email"}
    assert not Report.objects.exists()
