"""A report's whole life through the services, deadlines in working days, and the
transitions that must be refused."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cms.complaints import services
from cms.complaints.models import Disposition, Report
from cms.complaints.selectors import public_timeline
from cms.complaints.services import InvalidToken, InvalidTransition
from cms.core.models import Holiday
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

# 2028 is outside the shipped holiday calendar: the tests add their own holiday.
THURSDAY = (2028, 3, 2, 10)
FRIDAY = (2028, 3, 3, 9)


@pytest.fixture
def holiday_monday(db):
    return Holiday.objects.create(date=date(2028, 3, 6), name="Libur uji")


def actions(report, **filters):
    return list(report.timeline.filter(**filters).values_list("action", flat=True))


def test_whole_lifecycle(
    opds, clock_at, png_upload, events_seen, django_capture_on_commit_callbacks
):
    dinkes, bpbd, kominfo = opds["dinkes"], opds["bpbd"], opds["diskominfo"]
    team, nakes = verifier(), liaison_of(dinkes)
    with django_capture_on_commit_callbacks(execute=True):
        report = add_report(title="Puskesmas tutup pada jam layanan")
        token = report.token
        assert report.status == "baru"

        services.request_info(report, team, "Puskesmas mana yang dimaksud?")
        assert report.status == "perlu_info"
        services.reporter_reply(report, token, "Puskesmas Ciruas.", [png_upload()])
        assert report.status == "baru"
        reply = report.timeline.get(action="reporter_replied")
        assert reply.attachments.get().content_type == "image/png"

        services.dispose(report, team, [dinkes, bpbd], "Mohon ditindaklanjuti.")
        assert report.status == "disposisi"
        assert report.dispositions.filter(active=True).count() == 2

        services.respond(report, nakes, dinkes, "Kami sedang memeriksa.")
        first = Disposition.objects.get(report=report, opd=dinkes)
        assert first.first_response_at is not None
        assert report.status == "tindak_lanjut"
        services.respond(report, nakes, dinkes, "Petugas sudah ke lokasi.")
        services.respond(report, nakes, dinkes, "Catatan OPD", public=False)

        services.dispose(report, team, [dinkes, kominfo], "")
        assert report.status == "tindak_lanjut"  # dinkes already answered
        bpbd_disposition = Disposition.objects.get(report=report, opd=bpbd)
        assert bpbd_disposition.active is False  # kept, never deleted
        first.refresh_from_db()
        assert first.active and first.first_response_at is not None

        services.resolve(report, nakes, "Jam layanan sudah diperbaiki.")
        assert report.status == "selesai" and report.close_due is not None
        # Credited to the liaison's OPD, like its responses.
        assert report.timeline.get(action="resolved").opd == dinkes
        services.confirm(report, token)
        services.archive(report, team)

    report.refresh_from_db()
    assert report.status == "arsip"
    assert actions(report) == [
        "submitted",
        "info_requested",
        "reporter_replied",
        "disposed",
        "disposed",
        "disposed",  # the verifier's note, internal
        "responded",
        "progress",
        "progress",
        "disposed",
        "resolved",
        "confirmed",
        "archived",
    ]
    public = list(public_timeline(report).values_list("message", flat=True))
    assert "Catatan OPD" not in public and "Mohon ditindaklanjuti." not in public
    assert "Laporan diteruskan kepada Dinas Kesehatan." in public
    assert [e.kind for e in events_seen] == [
        "report.submitted",
        "report.info_requested",
        "report.verified",
        "report.responded",
        "report.responded",
        "report.verified",
        "report.resolved",
        "report.closed",
        "report.closed",
    ]
    assert events_seen[2].data["opd_ids"] == [dinkes.pk, bpbd.pk]
    assert events_seen[5].data["removed_opd_ids"] == [bpbd.pk]


def test_deadlines_skip_weekend_and_holiday(opds, clock_at, holiday_monday):
    team, nakes = verifier(), liaison_of(opds["dinkes"])
    clock_at(*THURSDAY)
    report = add_report()
    # Fri (1), Sat/Sun, Mon holiday, Tue (2), Wed (3).
    assert report.verify_due == date(2028, 3, 8)
    clock_at(*FRIDAY)
    services.dispose(report, team, [opds["dinkes"]], "")
    disposition = report.dispositions.get()
    assert disposition.first_response_due == date(2028, 3, 13)
    services.respond(report, nakes, opds["dinkes"], "Ditangani.")
    services.resolve(report, nakes, "Selesai.")
    assert report.close_due == report.reopen_due == date(2028, 3, 20)


def _resolved(opds, clock_at):
    team, nakes = verifier(), liaison_of(opds["dinkes"])
    clock_at(*FRIDAY)
    report = add_report(opds=[opds["dinkes"]], by=team)
    services.respond(report, nakes, opds["dinkes"], "Ditangani.")
    services.resolve(report, nakes, "Selesai.")
    return report, nakes


def test_closes_after_ten_working_days_without_reply(opds, clock_at):
    report, _ = _resolved(opds, clock_at)
    assert services.close_overdue(today=report.close_due) == 0
    assert services.close_overdue(today=report.close_due + timedelta(days=1)) == 1
    report.refresh_from_db()
    assert report.status == "arsip"
    assert actions(report)[-1] == "closed_auto"
    assert services.close_overdue(today=date(2029, 1, 1)) == 0


def test_reopen_once_within_the_window(opds, clock_at):
    report, nakes = _resolved(opds, clock_at)
    clock_at(*report.reopen_due.timetuple()[:3], 16)  # the window's last day
    services.reopen(report, report.token, "Jam layanan kembali tidak tertib.")
    assert report.status == "tindak_lanjut" and report.reopened
    services.resolve(report, nakes, "Sudah ditertibkan lagi.")
    assert report.reopen_due is None
    with pytest.raises(InvalidTransition):
        services.reopen(report, report.token, "Lagi.")


def test_reopen_refused_after_the_window_and_without_reason(opds, clock_at):
    report, _ = _resolved(opds, clock_at)
    clock_at(2028, 3, 6, 9)
    with pytest.raises(ValidationError):
        services.reopen(report, report.token, "  ")
    clock_at(*(report.reopen_due + timedelta(days=1)).timetuple()[:3], 9)
    with pytest.raises(InvalidTransition):
        services.reopen(report, report.token, "Belum beres.")
    assert Report.objects.get(pk=report.pk).status == "selesai"


def test_reopen_and_reply_need_the_reporters_token(opds, clock_at):
    report, _ = _resolved(opds, clock_at)
    with pytest.raises(InvalidToken):
        services.reopen(report, "tebakan", "Belum beres.")
    with pytest.raises(InvalidToken):
        services.confirm(report, add_report().token)


def test_spam_is_kept_and_visible_to_the_team(opds):
    team = verifier()
    report = add_report(title="Menang undian, klik tautan ini")
    services.mark_spam(report, team, "Iklan penipuan")
    assert Report.objects.filter(pk=report.pk, status="spam").exists()
    from cms.complaints.selectors import reports_for

    assert report in reports_for(team)
    public = list(public_timeline(report).values_list("message", flat=True))
    assert not any("penipuan" in message for message in public)


def test_merge_and_not_authority(opds):
    team = verifier()
    original, duplicate = add_report(), add_report()
    services.merge(duplicate, original, team)
    duplicate.refresh_from_db()
    assert duplicate.status == "digabung" and duplicate.duplicate_of == original
    assert original.timeline.filter(action="merged", public=False).exists()
    public = " ".join(public_timeline(duplicate).values_list("message", flat=True))
    assert original.tracking_code not in public
    with pytest.raises(InvalidTransition):
        services.merge(original, duplicate, team)

    other = add_report()
    services.mark_not_authority(other, team, "Hubungi Pemerintah Kota Serang.")
    assert other.status == "bukan_kewenangan"
    assert other.referral == "Hubungi Pemerintah Kota Serang."


@pytest.mark.parametrize(
    "step",
    [
        lambda r, team, opd: services.resolve(r, team, "x"),
        lambda r, team, opd: services.respond(r, team, opd, "x"),
        lambda r, team, opd: services.confirm(r, r.token),
        lambda r, team, opd: services.archive(r, team),
        lambda r, team, opd: services.reopen(r, r.token, "x"),
    ],
)
def test_steps_out_of_order_are_refused(opds, step):
    team = verifier()
    report = add_report()
    with pytest.raises(InvalidTransition):
        step(report, team, opds["dinkes"])
    assert Report.objects.get(pk=report.pk).status == "baru"


def test_closed_reports_cannot_be_verified_again(opds):
    team = verifier()
    report = add_report()
    services.mark_spam(report, team, "iklan")
    for step in (
        lambda: services.dispose(report, team, [opds["dinkes"]], ""),
        lambda: services.request_info(report, team, "?"),
        lambda: services.mark_not_authority(report, team, "Kota"),
    ):
        with pytest.raises(InvalidTransition):
            step()


def test_only_the_team_verifies(opds):
    report = add_report()
    with pytest.raises(PermissionDenied):
        services.dispose(report, liaison_of(opds["dinkes"]), [opds["dinkes"]], "")
