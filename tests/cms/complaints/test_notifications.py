"""Emails of the complaint lifecycle: the reporter hears of each public step, the
OPD's liaisons of a disposition; anonymous reporters get nothing and OPD emails
never carry a rahasia reporter's identity; the outbox outlives a dead broker and
a dead mail server."""

import re

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from cms.celery import app
from cms.complaints import services
from cms.notifications.models import EmailStatus, OutgoingEmail
from cms.notifications.sending import emails_requeue_due
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

IDENTITY = ("Siti Rahasia", "siti.rahasia@example.org", "081234567890")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...`` runs the after-commit work (report events, email
    enqueues, eager in tests) at the end of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def quick_sweep(settings):
    settings.NOTIFICATIONS_EMAIL_REQUEUE_AFTER_SECONDS = 0
    settings.PORTAL_BASE_URL = "https://banten.go.id"


def sent_to(address):
    return [m for m in mail.outbox if address in m.to]


def html_of(message):
    return next(body for body, kind in message.alternatives if kind == "text/html")


def test_the_reporter_hears_of_every_public_step(opds, committed):
    team = verifier()
    liaison = liaison_of(opds["dinkes"])
    with committed():
        report = add_report(reporter_email="warga@example.org", reporter_name="Budi")
    (receipt,) = sent_to("warga@example.org")
    assert report.tracking_code in receipt.subject
    assert f"https://banten.go.id/lapor/balas/{report.token}/" in receipt.body
    assert f"/lapor/lacak/?kode={report.tracking_code}" in receipt.body
    assert report.token in html_of(receipt)  # the HTML part says the same

    steps = [
        lambda: services.request_info(report, team, "Mohon kirim foto lokasi."),
        lambda: services.reporter_reply(report, report.token, "Foto terlampir."),
        lambda: services.dispose(report, team, [opds["dinkes"]], "Segera."),
        lambda: services.respond(
            report, liaison, opds["dinkes"], "Catatan internal.", public=False
        ),
        lambda: services.respond(
            report, liaison, opds["dinkes"], "Petugas meninjau lokasi besok."
        ),
        lambda: services.resolve(report, liaison, "Jalan sudah diperbaiki."),
        lambda: services.confirm(report, report.token),
    ]
    for step in steps:
        with committed():
            step()
        report.refresh_from_db()
    bodies = [m.body for m in sent_to("warga@example.org")]
    assert len(bodies) == 6  # not for the reply itself nor the internal note
    assert "Mohon kirim foto lokasi." in bodies[1]
    assert "Dinas Kesehatan" in bodies[2]
    assert "Petugas meninjau lokasi besok." in bodies[3]
    assert "Catatan internal." not in "".join(bodies)
    assert "Jalan sudah diperbaiki." in bodies[4]
    assert "membuka kembali" in bodies[4]  # confirm or reopen, within 10 days
    assert "ditutup" in bodies[5]
    # The secret link is sent once, at submission.
    assert all(report.token not in body for body in bodies[1:])


def test_reopening_and_the_automatic_close_are_told(opds, committed):
    liaison = liaison_of(opds["dinkes"])
    with committed():
        report = add_report(opds=[opds["dinkes"]], reporter_email="ani@example.org")
        services.respond(report, liaison, opds["dinkes"], "Dikerjakan.")
        report.refresh_from_db()
        services.resolve(report, liaison, "Selesai.")
    report.refresh_from_db()
    with committed():
        services.reopen(report, report.token, "Belum diperbaiki.")
    assert "dibuka kembali" in sent_to("ani@example.org")[-1].subject
    report.refresh_from_db()
    with committed():
        services.resolve(report, liaison, "Sudah dikerjakan ulang.")
        closed = services.close_overdue(timezone.localdate() + timezone.timedelta(60))
    assert closed == 1
    assert "ditutup" in sent_to("ani@example.org")[-1].subject


def test_an_anonymous_reporter_is_never_written_to(opds, committed):
    liaison = liaison_of(opds["dinkes"])
    with committed():
        report = add_report(
            privacy="anonim", reporter_name="", reporter_email="", reporter_phone=""
        )
        services.dispose(report, verifier(), [opds["dinkes"]], "")
        services.respond(report, liaison, opds["dinkes"], "Ditindaklanjuti.")
        report.refresh_from_db()
        services.resolve(report, liaison, "Selesai.")
    assert {address for m in mail.outbox for address in m.to} == {liaison.email}


def test_liaisons_hear_of_a_disposition_without_a_rahasia_identity(opds, committed):
    dinkes = liaison_of(opds["dinkes"])
    bpbd = liaison_of(opds["bpbd"])
    with committed():
        report = add_report(
            privacy="rahasia",
            reporter_name=IDENTITY[0],
            reporter_email=IDENTITY[1],
            reporter_phone=IDENTITY[2],
        )
        services.dispose(report, verifier(), [opds["dinkes"]], "Mohon ditangani.")
    (email,) = sent_to(dinkes.email)
    assert report.tracking_code in email.subject
    assert "Mohon ditangani." in email.body
    everything = email.subject + email.body + html_of(email)
    for value in IDENTITY:
        assert value not in everything
    assert sent_to(bpbd.email) == []
    # The reporter (who chose rahasia, not anonim) still hears of it.
    assert len(sent_to(IDENTITY[1])) == 2


def test_a_redisposition_tells_only_the_new_opd(opds, committed):
    team = verifier()
    dinkes, bpbd = liaison_of(opds["dinkes"]), liaison_of(opds["bpbd"])
    with committed():
        report = add_report(opds=[opds["dinkes"]], by=team)
        report.refresh_from_db()
        services.dispose(report, team, [opds["dinkes"], opds["bpbd"]], "")
    assert len(sent_to(dinkes.email)) == 1
    assert len(sent_to(bpbd.email)) == 1


@pytest.fixture
def dead_broker():
    """Tasks go to a broker nobody listens on (the test settings run them eagerly
    otherwise); afterwards a worker is back (eager again)."""
    broker = app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app._pool = None
    yield
    app.conf.broker_url = broker
    app._pool = None
    app.conf.task_always_eager = True


def test_a_dead_broker_loses_no_email(opds, committed, dead_broker):
    with committed():
        report = add_report(reporter_email="sabar@example.org")
    assert report.pk  # the submission itself succeeded
    assert mail.outbox == []
    email = OutgoingEmail.objects.get(to="sabar@example.org")
    assert email.status == EmailStatus.PENDING
    app.conf.task_always_eager = True  # the broker and a worker are back
    assert emails_requeue_due() == 1
    (message,) = mail.outbox
    assert report.token in message.body
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert emails_requeue_due() == 0  # sent once


def test_a_dead_mail_server_is_retried_until_it_answers(opds, committed, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    with committed():
        add_report(reporter_email="tunggu@example.org")
    email = OutgoingEmail.objects.get(to="tunggu@example.org")
    assert email.status == EmailStatus.PENDING
    assert email.attempts == 1
    assert re.search(r"refused|Errno", email.last_error)
    assert email.next_attempt_at > timezone.now()
    assert emails_requeue_due() == 0  # not due yet: backing off
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The retry is due and its countdown task was lost: the sweep sends it.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now(), queued_for=None
    )
    assert emails_requeue_due() == 1
    assert len(sent_to("tunggu@example.org")) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENT, 2)


def test_a_step_and_its_email_commit_together(opds, django_capture_on_commit_callbacks):
    """The outbox row is written inside the step's transaction: before any commit
    hook has run, it is already there (a crash right after the commit loses no
    email); a rolled-back step leaves none."""
    with django_capture_on_commit_callbacks(execute=False):
        report = add_report(reporter_email="bersama@example.org")
        assert OutgoingEmail.objects.filter(to="bersama@example.org").count() == 1

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        services.request_info(report, verifier(), "Mohon lampirkan foto lokasi.")
        assert OutgoingEmail.objects.filter(to="bersama@example.org").count() == 2
        raise Abandoned
    assert OutgoingEmail.objects.filter(to="bersama@example.org").count() == 1
