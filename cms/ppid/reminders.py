"""Deadline reminders and escalations (Celery beat daily at 07:10 WIB,
``cms.ppid.tasks.send_ppid_reminders``).

- Decision deadline (``due_on``, undecided): the answering PPID (the OPD's PPID
  Pelaksana, else PPID Utama) ``PPID_REMINDER_DAYS`` working days before;
  PPID Utama and ``PPID_ESCALATION_EMAILS`` once overdue.
- Objection answer (``Objection.due_on``): the Atasan PPID before; the Atasan,
  PPID Utama and ``PPID_ESCALATION_EMAILS`` once overdue.

Each notice is recorded in ``SentNotice`` (unique per request, kind and deadline)
in the transaction that writes its emails: sent once per deadline, however often
the task runs; an extension makes a new deadline and so a new reminder.
Decided requests whose objection window closed quietly become "selesai".
"""

from datetime import date

from django.db import IntegrityError, transaction

from cms.core.workdays import (
    deadline_label,
    is_working_day,
    remaining_working_days,
)

from . import clock, notify
from .models import (
    Action,
    ActorRole,
    InformationRequest,
    Objection,
    SentNotice,
    Status,
)
from .steps import days, log
from .timeline import system

UNDECIDED = (Status.DITERIMA, Status.DIPROSES)


def _send_once(*, request, kind, due, today, to, template, **extra) -> bool:
    try:
        with transaction.atomic():
            _notice, created = SentNotice.objects.get_or_create(
                request=request, kind=kind, due=due
            )
            if not created:
                return False
            notify.to_officers(
                to,
                request,
                template,
                deadline=due,
                deadline_label=deadline_label(due, today),
                **extra,
            )
            log(
                request,
                Action.REMINDER,
                system(
                    "escalation" if due < today else "reminder", due=due.isoformat()
                ),
                role=ActorRole.SISTEM,
                public=False,
            )
    except IntegrityError:  # a concurrent run recorded it first
        return False
    return True


def _stage(due: date, today: date) -> str | None:
    left = remaining_working_days(due, today)
    if due < today:
        return "overdue"
    if 0 < left <= days("REMINDER"):
        return "reminder"
    return None


def _decision_notices(today: date) -> int:
    sent = 0
    requests = InformationRequest.objects.filter(status__in=UNDECIDED).select_related(
        "assigned_opd", "addressed_opd"
    )
    for request in requests.iterator():
        stage = _stage(request.due_on, today)
        if stage is None:
            continue
        to = (
            notify.handler_addresses(request)
            if stage == "reminder"
            else notify.escalation_addresses()
        )
        sent += _send_once(
            request=request,
            kind=f"decision_{stage}",
            due=request.due_on,
            today=today,
            to=to,
            template=stage,
        )
    return sent


def _objection_notices(today: date) -> int:
    sent = 0
    objections = Objection.objects.filter(answered_at__isnull=True).select_related(
        "request__assigned_opd", "request__addressed_opd"
    )
    for objection in objections.iterator():
        stage = _stage(objection.due_on, today)
        if stage is None:
            continue
        to = notify.atasan_addresses()
        if stage == "overdue":
            to = sorted(set(to + notify.escalation_addresses()))
        sent += _send_once(
            request=objection.request,
            kind=f"objection_{stage}",
            due=objection.due_on,
            today=today,
            to=to,
            template=f"objection_{stage}",
            objection=objection,
        )
    return sent


def requests_settle(today: date) -> int:
    """Decided requests whose objection window closed with no objection open."""
    settled = InformationRequest.objects.filter(
        status=Status.DIPUTUS, objection_due__lt=today
    ).exclude(
        pk__in=Objection.objects.filter(answered_at__isnull=True).values("request_id")
    )
    return settled.update(status=Status.SELESAI, updated_at=clock.now())


def reminders_send(today: date | None = None) -> int:
    """Notices due ``today`` (none on non-working days); returns how many."""
    today = today or clock.today()
    if not is_working_day(today):
        return 0
    requests_settle(today)
    return _decision_notices(today) + _objection_notices(today)
