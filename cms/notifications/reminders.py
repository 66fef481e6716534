"""Deadline reminders and escalations (Celery beat daily at 07:00 WIB, or
``manage.py complaints_reminders``).

- Verification (``Report.verify_due``, status baru): the province team one
  working day before; the team and ``COMPLAINTS_ESCALATION_EMAILS`` once overdue.
- First response (``Disposition.first_response_due``): the OPD's liaisons one
  working day before; the OPD's official address (its head's office), the team
  and ``COMPLAINTS_ESCALATION_EMAILS`` once overdue.

Each (deadline, kind, day) is recorded in ``SentReminder`` in the transaction
that writes the emails, so a second run on the same day sends nothing. Overdue
escalations repeat on each working day until the deadline is met. Nothing is sent
on non-working days.
"""

from datetime import date
from functools import cache

from django.db import IntegrityError, transaction

from cms.complaints.models import Disposition, Report, Status
from cms.core.workdays import (
    add_working_days,
    deadline_label,
    is_working_day,
    today_in_jakarta,
)

from .context import opd_context
from .models import SentReminder
from .recipients import escalation_addresses, liaison_addresses, team_addresses
from .records import email_queue

VERIFY_STATUSES = (Status.BARU,)
RESPONSE_STATUSES = (Status.DISPOSISI, Status.TINDAK_LANJUT)


def _send_once(*, kind, report, due, today, to, template, context, disposition=0):
    """Record the reminder and write its emails in one transaction; False when
    this reminder was already sent today."""
    try:
        with transaction.atomic():
            _, created = SentReminder.objects.get_or_create(
                kind=kind,
                report_id=report.pk,
                disposition_id=disposition,
                due=due,
                day=today,
            )
            if not created:
                return False
            email_queue(
                to=to,
                template=template,
                context=context,
                kind=kind,
                report_id=report.pk,
            )
    except IntegrityError:  # a concurrent run recorded it first
        return False
    return True


def _verify_reminders(today: date, tomorrow: date) -> int:
    # Recipients are looked up once per run, not once per report.
    team, escalation = cache(team_addresses), cache(escalation_addresses)
    sent = 0
    reports = Report.objects.filter(
        status__in=VERIFY_STATUSES, verify_due__lte=tomorrow
    ).select_related("category")
    for report in reports:
        due = report.verify_due
        if today < due <= tomorrow:
            kind, template, to = "verify_reminder", "reminder_verify", team()
        elif due < today:
            kind, template, to = "verify_overdue", "escalation_verify", escalation()
        else:
            continue  # due today: yesterday's reminder stands
        context = opd_context(
            report, None, due=due, due_label=deadline_label(due, today)
        )
        sent += _send_once(
            kind=kind,
            report=report,
            due=due,
            today=today,
            to=to,
            template=template,
            context=context,
        )
    return sent


def _response_reminders(today: date, tomorrow: date) -> int:
    # Per OPD, once per run (OPD pages compare by pk).
    liaisons, escalation = cache(liaison_addresses), cache(escalation_addresses)
    sent = 0
    dispositions = Disposition.objects.filter(
        active=True,
        first_response_at__isnull=True,
        first_response_due__lte=tomorrow,
        report__status__in=RESPONSE_STATUSES,
    ).select_related("opd", "report__category")
    for disposition in dispositions:
        due, opd = disposition.first_response_due, disposition.opd
        if today < due <= tomorrow:
            kind, template = "response_reminder", "reminder_response"
            to = liaisons(opd)
        elif due < today:
            kind, template = "response_overdue", "escalation_response"
            to = escalation(opd)
        else:
            continue
        context = opd_context(
            disposition.report, opd, due=due, due_label=deadline_label(due, today)
        )
        sent += _send_once(
            kind=kind,
            report=disposition.report,
            due=due,
            today=today,
            to=to,
            template=template,
            context=context,
            disposition=disposition.pk,
        )
    return sent


def reminders_send(today: date | None = None) -> int:
    """Reminders and escalations due ``today``; returns how many were recorded."""
    today = today or today_in_jakarta()
    if not is_working_day(today):
        return 0
    tomorrow = add_working_days(today, 1)
    return _verify_reminders(today, tomorrow) + _response_reminders(today, tomorrow)
