"""Deadline reminders (one working day before) and escalations (overdue), across
a weekend and a holiday, sent once per deadline per day, never on days off, and
never with a rahasia reporter's identity."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.complaints.models import Disposition
from cms.core.models import Holiday
from cms.notifications.reminders import reminders_send
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

# March 2028 (beyond the shipped calendar): Fri 3, weekend 4-5, Mon 6 a holiday,
# so the working day after Friday the 3rd is Tuesday the 7th.
FRI, SAT, MON, TUE, WED = (date(2028, 3, d) for d in (3, 4, 6, 7, 8))
IDENTITY = ("Siti Rahasia", "siti.rahasia@example.org", "081234567890")


@pytest.fixture
def calendar(db):
    Holiday.objects.create(date=MON, name="Libur uji", kind="libur_nasional")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def recipients():
    return sorted(address for m in mail.outbox for address in m.to)


def test_the_team_is_reminded_before_the_verification_deadline(calendar, committed):
    team = verifier()
    report = add_report(verify_due=TUE)
    mail.outbox.clear()
    with committed():
        assert reminders_send(date(2028, 3, 2)) == 0  # Thursday: two days left
        assert reminders_send(FRI) == 1  # across the weekend and the holiday
        assert reminders_send(FRI) == 0  # once a day
    (email,) = mail.outbox
    assert email.to == [team.email]
    assert report.tracking_code in email.subject
    assert "sisa 1 hari kerja" in email.body


def test_overdue_verification_is_escalated_each_working_day(
    calendar, committed, settings
):
    settings.COMPLAINTS_ESCALATION_EMAILS = ["kadis.kominfo@bantenprov.go.id"]
    team = verifier()
    add_report(verify_due=FRI)
    mail.outbox.clear()
    with committed():
        assert reminders_send(SAT) == 0  # nothing on days off
        assert reminders_send(MON) == 0  # nor on a holiday
        assert reminders_send(TUE) == 1
        assert reminders_send(TUE) == 0
        assert reminders_send(WED) == 1
    assert recipients() == sorted([team.email, "kadis.kominfo@bantenprov.go.id"] * 2)
    assert "terlambat 1 hari kerja" in mail.outbox[0].body
    assert "terlambat 2 hari kerja" in mail.outbox[-1].body


def test_liaisons_are_reminded_and_the_opd_head_told_when_late(
    opds, calendar, committed
):
    dinkes = opds["dinkes"]
    dinkes.email = "dinkes@bantenprov.go.id"
    dinkes.save()
    liaison, team = liaison_of(dinkes), verifier()
    report = add_report(
        opds=[dinkes],
        by=team,
        privacy="rahasia",
        reporter_name=IDENTITY[0],
        reporter_email=IDENTITY[1],
        reporter_phone=IDENTITY[2],
    )
    Disposition.objects.filter(report=report).update(first_response_due=TUE)
    mail.outbox.clear()
    with committed():
        assert reminders_send(FRI) == 1
        assert reminders_send(WED) == 1
        assert reminders_send(WED) == 0
    assert mail.outbox[0].to == [liaison.email]  # Friday: the reminder
    # Wednesday: one message to each of the OPD's address and the team.
    assert recipients() == sorted([liaison.email, team.email, dinkes.email])
    assert "belum menanggapi" in mail.outbox[-1].subject
    for email in mail.outbox:
        text = email.subject + email.body
        assert report.tracking_code in text
        for value in IDENTITY:
            assert value not in text


def test_an_answered_disposition_is_left_alone(opds, calendar, committed):
    report = add_report(opds=[opds["dinkes"]])
    Disposition.objects.filter(report=report).update(
        first_response_due=TUE, first_response_at=report.submitted_at
    )
    mail.outbox.clear()
    with committed():
        assert reminders_send(WED) == 0
    assert mail.outbox == []


def test_the_command_runs_the_daily_jobs_for_a_given_day(calendar, committed, capsys):
    verifier()
    add_report(verify_due=TUE)
    mail.outbox.clear()
    with committed():
        call_command("complaints_reminders", "--date", FRI.isoformat())
    assert "pengingat/eskalasi: 1" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_recipients_are_looked_up_once_per_run(calendar, committed):
    """A run's queries grow with the reminders it writes, not with a recipient
    look-up repeated for every report."""
    verifier()
    for _ in range(3):
        add_report(verify_due=TUE)
    with committed(), CaptureQueriesContext(connection) as run:
        assert reminders_send(FRI) == 3
    group_lookups = [q for q in run.captured_queries if "auth_group" in q["sql"]]
    assert len(group_lookups) == 1
