"""``Report.due_on``, the stored next deadline: after every transition it equals
what ``public.next_deadline`` computes from the report and its dispositions, so no
transition can forget it; ``resync`` repairs rows written around the services."""

from datetime import date

import pytest

from cms.complaints import services
from cms.complaints.deadlines import resync
from cms.complaints.models import Disposition, Report
from cms.complaints.public import current_deadline
from cms.core.models import Holiday
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

# 2028 is outside the shipped calendar: Fri 3 March, weekend, Mon 6 a holiday.
THURSDAY = (2028, 3, 2, 10)
FRIDAY = (2028, 3, 3, 9)
TUESDAY = (2028, 3, 7, 9)
WEDNESDAY = (2028, 3, 8, 9)


@pytest.fixture
def holiday_monday(db):
    return Holiday.objects.create(date=date(2028, 3, 6), name="Libur uji")


def stored_is_current(report) -> date | None:
    """The stored value, asserted equal to a fresh computation from the database
    (and to the caller's instance, which the next action reuses)."""
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.due_on == current_deadline(fresh), fresh.status
    assert report.due_on == fresh.due_on, fresh.status
    return fresh.due_on


def test_every_step_of_a_lifecycle_stores_the_next_deadline(
    opds, clock_at, holiday_monday
):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    team, nakes = verifier(), liaison_of(dinkes)

    clock_at(*THURSDAY)
    report = add_report()
    # Fri (1), weekend, Mon holiday, Tue (2), Wed (3).
    assert stored_is_current(report) == date(2028, 3, 8)

    services.request_info(report, team, "Di mana lokasinya?")
    assert stored_is_current(report) == date(2028, 3, 8)
    services.reporter_reply(report, report.token, "Di depan pasar.")
    assert stored_is_current(report) == date(2028, 3, 8)

    clock_at(*FRIDAY)
    services.dispose(report, team, [dinkes, bpbd], "")
    # Tue, Wed, Thu, Fri, Mon 13: the first response of either OPD.
    assert stored_is_current(report) == date(2028, 3, 13)

    clock_at(*TUESDAY)
    services.respond(report, nakes, dinkes, "Kami periksa.", public=False)
    assert stored_is_current(report) == date(2028, 3, 13)  # internal: no answer
    services.respond(report, nakes, dinkes, "Petugas ke lokasi.")
    assert stored_is_current(report) == date(2028, 3, 13)  # BPBD still owes one

    services.dispose(report, team, [dinkes, bpbd, opds["diskominfo"]], "")
    assert stored_is_current(report) == date(2028, 3, 13)  # BPBD's is earlier

    services.dispose(report, team, [dinkes, opds["diskominfo"]], "")
    # BPBD lost it; Diskominfo's own five working days from Tuesday.
    assert stored_is_current(report) == date(2028, 3, 14)
    kominfo = liaison_of(opds["diskominfo"])
    services.respond(report, kominfo, opds["diskominfo"], "Sudah kami teruskan.")
    assert stored_is_current(report) is None  # every OPD answered

    services.resolve(report, nakes, "Sudah diperbaiki.")
    assert stored_is_current(report) == report.close_due == date(2028, 3, 21)

    clock_at(*WEDNESDAY)
    services.reopen(report, report.token, "Masih rusak.")
    assert report.status == "tindak_lanjut"
    assert stored_is_current(report) is None  # the OPDs' first answers stand

    services.resolve(report, nakes, "Diperbaiki ulang.")
    assert stored_is_current(report) == date(2028, 3, 22)
    assert services.close_overdue(today=date(2028, 3, 23)) == 1
    report.refresh_from_db()
    assert report.status == "arsip" and stored_is_current(report) is None


def test_rejections_confirmation_and_archive_clear_it(opds, clock_at):
    team, nakes = verifier(), liaison_of(opds["dinkes"])
    clock_at(*THURSDAY)
    for reject in (
        lambda r: services.mark_spam(r, team, "Iklan"),
        lambda r: services.mark_not_authority(r, team, "Pemerintah Kota Serang"),
        lambda r: services.merge(r, add_report(), team),
    ):
        report = add_report()
        assert report.due_on is not None
        reject(report)
        assert stored_is_current(report) is None

    report = add_report(opds=[opds["dinkes"]], by=team)
    assert stored_is_current(report) is not None
    services.respond(report, nakes, opds["dinkes"], "Ditangani.")
    services.resolve(report, nakes, "Selesai.")
    services.confirm(report, report.token)
    assert stored_is_current(report) == report.close_due  # auto-close still due
    services.archive(report, team)
    assert stored_is_current(report) is None


def test_resync_repairs_rows_written_around_the_services(opds, clock_at):
    team = verifier()
    clock_at(*THURSDAY)
    waiting = add_report()
    disposed = add_report(opds=[opds["dinkes"], opds["bpbd"]], by=team)
    finished = add_report(status="arsip")
    assert finished.due_on is None  # the factory resyncs its row overrides
    Disposition.objects.filter(report=disposed, opd=opds["bpbd"]).update(
        first_response_due=date(2028, 3, 1)
    )
    Report.objects.update(due_on=None)

    assert resync(batch=2) == 2  # small batches: pages across the table
    assert resync() == 0  # idempotent
    assert Report.objects.get(pk=waiting.pk).due_on == waiting.verify_due
    assert Report.objects.get(pk=disposed.pk).due_on == date(2028, 3, 1)
    for report in Report.objects.all():
        assert report.due_on == current_deadline(report)
