"""What the system writes is stored in Indonesian whatever the officer's admin
language, and shown again in the reader's language; what people type is kept and
shown exactly as typed."""

import pytest
from django.utils import translation

from cms.complaints import services
from cms.complaints.publication import followup_draft, followup_withdraw
from cms.complaints.timeline import entry_text
from cms.ppid import services as ppid
from cms.ppid.timeline import entry_text as request_entry_text
from tests.factories.complaints import add_report, verifier
from tests.factories.followups import publish_followup, resolved_report
from tests.portal.ppid_helpers import request_data, utama

pytestmark = pytest.mark.django_db


def test_an_english_admin_still_stores_indonesian_and_reads_english(opds):
    report = add_report()
    with translation.override("en"):
        services.dispose(report, verifier(), [opds["dinkes"]], "Cek lokasi dulu.")
    note, disposed = report.timeline.filter(action="disposed").order_by("public")
    assert disposed.message == f"Laporan diteruskan kepada {opds['dinkes'].title}."
    assert disposed.facts == {"text": "disposed", "opd": opds["dinkes"].title}
    with translation.override("en"):
        assert entry_text(disposed) == f"Report forwarded to {opds['dinkes'].title}."
        assert entry_text(note) == "Cek lokasi dulu."  # typed: as typed
    assert note.facts == {}


def test_ppid_entries_are_stored_in_indonesian_and_read_in_english(opds):
    info, _token = ppid.request_submit(
        data={**request_data(), "addressed_opd": None}, source="portal"
    )
    with translation.override("en"):
        ppid.request_decide(
            request=info,
            decision="diberikan_seluruhnya",
            text="Terlampir.",
            user=utama(),
        )
    decided = info.timeline.get(action="decided")
    assert decided.message == "Keputusan: Diberikan seluruhnya."
    with translation.override("en"):
        assert request_entry_text(decided) == "Decision: Granted in full."


def test_followup_is_drafted_and_logged_in_indonesian_for_an_english_admin(opds):
    report = resolved_report(opds["dinkes"])
    with translation.override("en"):
        draft = followup_draft(report)
        publish_followup(report)
        followup_withdraw(report=report, user=verifier())
    assert draft["summary"].startswith("Laporan warga tentang")
    assert draft["title"].startswith("Tindak lanjut aduan")
    withdrawn = report.timeline.get(action="followup_withdrawn")
    assert withdrawn.message == "Tindak lanjut ditarik dari publikasi."
    with translation.override("en"):
        assert entry_text(withdrawn) == "Follow-up unpublished."
