"""Publishing a resolved report as an anonymised "tindak lanjut" page: the draft,
the identity checks, who may publish, and the page it makes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cms.complaints import publication, services
from cms.complaints.publication import (
    followup_draft,
    followup_identity_leaks,
    followup_publish,
    followup_withdraw,
)
from cms.content.models import FollowUpPage
from tests.factories.complaints import add_report, liaison_of, verifier
from tests.factories.followups import IDENTITY, publish_followup, resolved_report

pytestmark = pytest.mark.django_db


def test_the_draft_is_anonymised(opds):
    report = resolved_report(opds["dinkes"])
    draft = followup_draft(report)
    everything = " ".join(draft.values())
    for value in IDENTITY.values():
        assert value.lower() not in everything.lower()
    assert "0812 3456 7890" not in everything and "Siti" not in everything
    assert "[disamarkan]" in draft["text"]
    assert "ditambal dengan aspal" in draft["text"]
    assert "Jalan dan jembatan" in draft["title"] and "Kota Serang" in draft["title"]
    assert report.tracking_code not in everything
    assert followup_identity_leaks(report, everything) == []


@pytest.mark.parametrize(
    "text, named",
    [
        ("Ibu SITI RAHMAWATI sudah dihubungi.", "nama pelapor"),
        ("Bu Rahmawati sudah dihubungi.", "nama pelapor"),
        ("Hubungi +62 812-3456-7890.", "telepon pelapor"),
        ("Hubungi 0899 1111 2222.", "nomor telepon"),
        ("Surel: Siti.Rahma@example.org", "surel pelapor"),
        ("Surel: warga.lain@contoh.id", "alamat surel"),
        ("Di jl.  melati nomor 7, cipocok jaya.", "alamat"),
    ],
)
def test_publishing_refuses_identity_and_names_it(opds, text, named):
    report = resolved_report(opds["dinkes"])
    with pytest.raises(ValidationError) as refused:
        publish_followup(report, text=text)
    message = " ".join(refused.value.messages)
    assert named in message
    assert not FollowUpPage.objects.filter(report=report).exists()


def test_the_tracking_code_counts_as_identity(opds):
    report = resolved_report(opds["dinkes"])
    loose = report.tracking_code.replace("-", "").lower()
    assert followup_identity_leaks(report, f"Laporan {loose} selesai.")


def test_dates_and_amounts_are_not_phone_numbers(opds):
    report = resolved_report(opds["dinkes"])
    text = "Diperbaiki 12-03-2026 sampai 2026-03-20, biaya Rp 12.500.000, 350 m."
    assert followup_identity_leaks(report, text) == []


def test_a_verifier_publishes_updates_and_withdraws(opds):
    report = resolved_report(opds["dinkes"])
    team = verifier()
    page = publish_followup(report, team)
    page.refresh_from_db()
    assert page.live and page.get_parent().pk == opds["dinkes"].pk
    assert page.opd_id == opds["dinkes"].pk
    assert (page.category_name, page.region) == ("Jalan dan jembatan", "Kota Serang")
    assert page.received_on and page.resolved_on
    assert page.live_revision.user == team
    entry = report.timeline.get(action=publication.PUBLISHED)
    assert not entry.public and entry.actor == team

    again = publish_followup(report, team, text="Lubang ditambal; jalan rata lagi.")
    assert again.pk == page.pk
    page.refresh_from_db()
    assert page.text == "Lubang ditambal; jalan rata lagi." and page.live

    followup_withdraw(report=report, user=team)
    page.refresh_from_db()
    assert not page.live
    assert not report.timeline.get(action=publication.WITHDRAWN).public
    publish_followup(report, team)
    page.refresh_from_db()
    assert page.live and FollowUpPage.objects.filter(report=report).count() == 1


def test_only_the_verification_team_publishes(opds):
    report = resolved_report(opds["dinkes"])
    draft = followup_draft(report)
    for someone in (liaison_of(opds["dinkes"]), None):
        with pytest.raises(PermissionDenied):
            followup_publish(report=report, user=someone, **draft)
    publish_followup(report)
    with pytest.raises(PermissionDenied):
        followup_withdraw(report=report, user=liaison_of(opds["dinkes"]))


@pytest.mark.parametrize("status", ["tindak_lanjut", "spam", "digabung"])
def test_only_resolved_reports_are_published(opds, status):
    report = add_report(opds=[opds["dinkes"]], status=status)
    with pytest.raises(ValidationError):
        publish_followup(report, text="Sudah ditangani.")


def test_an_archived_report_is_published(opds):
    report = resolved_report(opds["dinkes"])
    services.archive(report, verifier())
    assert publish_followup(report).live
