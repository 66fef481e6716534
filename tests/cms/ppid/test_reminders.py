"""Reminders before the deadline and escalations after it: each sent once per
request and deadline, however often the daily task runs."""

from datetime import date

import pytest

from cms.notifications.models import OutgoingEmail
from cms.ppid import services
from cms.ppid.models import SentNotice, Status
from cms.ppid.reminders import reminders_send
from cms.ppid.tasks import send_ppid_reminders

pytestmark = pytest.mark.django_db


def sent(kind):
    return sorted(OutgoingEmail.objects.filter(kind=kind).values_list("to", flat=True))


def test_reminder_then_escalation_each_once(opds, people, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])  # due 20 July
    assert reminders_send(date(2026, 7, 15)) == 0  # 3 working days left
    assert reminders_send(date(2026, 7, 16)) == 1  # 2 left
    assert reminders_send(date(2026, 7, 16)) == 0
    assert reminders_send(date(2026, 7, 17)) == 0  # same deadline: once
    assert sent("ppid_reminder") == [people["dinkes"].email]
    body = OutgoingEmail.objects.get(kind="ppid_reminder").body_text
    assert request.register_number in body and "Ahmad Pemohon" not in body
    assert reminders_send(date(2026, 7, 20)) == 0  # due today
    assert reminders_send(date(2026, 7, 21)) == 1
    assert reminders_send(date(2026, 7, 22)) == 0
    assert sent("ppid_overdue") == [people["utama"].email]
    assert SentNotice.objects.filter(request=request).count() == 2
    assert request.timeline.filter(action="reminder", public=False).count() == 2


def test_an_extension_is_a_new_deadline(opds, people, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])
    assert reminders_send(date(2026, 7, 16)) == 1
    clock_at(2026, 7, 17)
    services.request_extend(request=request, reason="Banyak.", user=people["dinkes"])
    assert request.due_on == date(2026, 7, 29)
    assert reminders_send(date(2026, 7, 27)) == 1
    assert len(sent("ppid_reminder")) == 2


def test_decided_requests_get_no_reminder(opds, people, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])
    services.request_decide(
        request=request,
        decision="belum_didokumentasikan",
        text="Belum ada.",
        user=people["dinkes"],
    )
    assert reminders_send(date(2026, 7, 16)) == 0
    assert reminders_send(date(2026, 7, 21)) == 0
    assert reminders_send(date(2026, 7, 18)) == 0  # Saturday: nothing at all


def test_objection_reminders_go_to_the_atasan(opds, people, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])
    services.request_decide(
        request=request,
        decision="belum_didokumentasikan",
        text="Belum ada.",
        user=people["dinkes"],
    )
    objection = services.objection_file(
        request=request, token=request.token, grounds=["e"], reason="Harus ada."
    )
    assert objection.due_on == date(2026, 8, 18)  # 17 August is a holiday
    assert reminders_send(date(2026, 8, 12)) == 0  # 3 working days left
    assert reminders_send(date(2026, 8, 13)) == 1
    assert sent("ppid_objection_reminder") == [people["atasan"].email]
    assert reminders_send(date(2026, 8, 17)) == 0  # the holiday itself
    assert reminders_send(date(2026, 8, 19)) == 1
    assert sent("ppid_objection_overdue") == sorted(
        [people["atasan"].email, people["utama"].email]
    )
    assert reminders_send(date(2026, 8, 20)) == 0


def test_the_task_settles_closed_windows(opds, people, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])
    services.request_decide(
        request=request,
        decision="diberikan_seluruhnya",
        text="Terlampir.",
        user=people["dinkes"],
    )
    clock_at(2026, 8, 19)  # objection due 18 August
    send_ppid_reminders.delay()
    request.refresh_from_db()
    assert request.status == Status.SELESAI
