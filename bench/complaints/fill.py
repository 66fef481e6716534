"""Child phases of the complaints benchmark, run in their own process against a
scratch database: ``fill`` tops the reports up to N with bulk inserts, ``queries``
counts the queries of each measured admin page in-process.

The bulk inserts keep what ``intake.submit`` and ``services.dispose`` would store
for the rows the queues read: deadlines in working days, no identity kept for
anonim reports, the "submitted" timeline entry, resolved_at of closed reports.
The stored next deadline (``due_on``) comes from ``deadlines.due_on``, the function
the services store it with. They skip what only costs time here: validation, the
duplicate check, events."""

import os
import random
import sys
import time
from datetime import timedelta

STATUS_MIX = [  # roughly a province a couple of years in
    ("baru", 8),
    ("perlu_info", 4),
    ("disposisi", 10),
    ("tindak_lanjut", 10),
    ("selesai", 8),
    ("arsip", 52),
    ("spam", 4),
    ("bukan_kewenangan", 3),
    ("digabung", 1),
]
DISPOSED = {"disposisi", "tindak_lanjut", "selesai", "arsip"}
RESPONDED = {"tindak_lanjut", "selesai", "arsip"}
CLOSED = {"selesai", "arsip"}
VERIFIER = "bench.verifikator"
BATCH = 5000


def setup_reference_data():
    """Migrations, the OPDs, the complaint groups, categories and a verifier."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from cms.complaints.access import complaints_access_ensure, verifier_group_ensure
    from cms.complaints.models import Category
    from cms.opd.models import OPDPage

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_opds", verbosity=0, stdout=quiet)
    complaints_access_ensure()
    opds = list(OPDPage.objects.order_by("pk"))
    for n, opd in enumerate(opds[:10]):
        Category.objects.get_or_create(
            slug=f"bench-{n}", defaults={"name": f"Kategori {n}", "default_opd": opd}
        )
    Category.objects.get_or_create(  # submissions of the API measurement
        slug="bench-submit", defaults={"name": "Kiriman bench", "default_opd": opds[0]}
    )
    user, created = get_user_model().objects.get_or_create(username=VERIFIER)
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(verifier_group_ensure())
    return user, opds, list(Category.objects.exclude(slug="bench-submit"))


def settle():
    """What autovacuum would do a little later: statistics for the planner and the
    visibility map, so counts over an index (e.g. "terlambat") need no heap reads
    at either size."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "VACUUM ANALYZE complaints_report, complaints_disposition, "
            "complaints_timelineentry"
        )


def fill(db_name: str, items: int) -> dict:
    from bench.common import create_database

    create_database(db_name)
    os.environ["CELERY_BROKER_URL"] = "memory://"
    import django

    django.setup()
    from django.utils import timezone

    from cms.complaints.codes import new_code
    from cms.complaints.deadlines import due_on
    from cms.complaints.intake import IDENTITY_FIELDS, VERIFY_DAYS
    from cms.complaints.models import (
        Action,
        ActorRole,
        Disposition,
        Report,
        TimelineEntry,
    )
    from cms.complaints.regions import REGIONS
    from cms.complaints.services import FIRST_RESPONSE_DAYS
    from cms.core.workdays import add_working_days

    user, opds, categories = setup_reference_data()
    have = Report.objects.count()
    if have >= items:
        settle()  # a migration may have rewritten rows (0004 fills due_on)
        return {"skipped": True, "reports": have, "seconds": 0.0}
    started = time.perf_counter()
    rng = random.Random(items)
    statuses = [s for s, weight in STATUS_MIX for _ in range(weight)]
    regions = [code for code, _label in REGIONS]
    now = timezone.now()
    for offset in range(have, items, BATCH):
        count = min(BATCH, items - offset)
        reports = []
        for i in range(offset, offset + count):
            status = rng.choice(statuses)
            submitted = now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
            report = Report(
                tracking_code=new_code(),
                kind=rng.choice(["pengaduan", "aspirasi", "informasi"]),
                category=rng.choice(categories),
                title=f"Laporan bench {i}: jalan rusak dan lampu padam",
                description="Uraian laporan untuk benchmark. " * 8,
                region=rng.choice(regions),
                privacy=rng.choice(["biasa", "biasa", "anonim", "rahasia"]),
                reporter_name=f"Pelapor {i}",
                reporter_email=f"pelapor{i}@example.org",
                status=status,
                submitted_at=submitted,
                verify_due=add_working_days(timezone.localdate(submitted), VERIFY_DAYS),
                resolved_at=(
                    submitted + timedelta(days=12) if status in CLOSED else None
                ),
            )
            if report.privacy == "anonim":  # as intake: nothing of them is kept
                for key in IDENTITY_FIELDS:
                    setattr(report, key, "")
            reports.append(report)
        # Dispositions are chosen before the reports are inserted: due_on (the next
        # deadline, deadlines.due_on) is computed from them, as the services do.
        planned = {}
        for report in reports:
            if report.status not in DISPOSED:
                continue
            disposed = report.submitted_at + timedelta(days=2)
            planned[report.tracking_code] = [
                Disposition(
                    opd=opd,
                    disposed_by=user,
                    disposed_at=disposed,
                    first_response_due=add_working_days(
                        timezone.localdate(disposed), FIRST_RESPONSE_DAYS
                    ),
                    first_response_at=(
                        disposed + timedelta(days=3)
                        if report.status in RESPONDED
                        else None
                    ),
                )
                for opd in rng.sample(opds, rng.choice([1, 1, 1, 2]))
            ]
        for report in reports:
            report.due_on = due_on(report, planned.get(report.tracking_code, []))
        Report.objects.bulk_create(reports)
        TimelineEntry.objects.bulk_create(
            TimelineEntry(
                report=report,
                at=report.submitted_at,
                actor_role=ActorRole.PELAPOR,
                action=Action.SUBMITTED,
                message="Laporan diterima dan menunggu verifikasi.",
            )
            for report in reports
        )
        dispositions = []
        for report in reports:
            for disposition in planned.get(report.tracking_code, []):
                disposition.report = report
                dispositions.append(disposition)
        Disposition.objects.bulk_create(dispositions)
        print(f"  {offset + count} reports", flush=True)
    settle()
    return {
        "skipped": False,
        "reports": Report.objects.count(),
        "seconds": time.perf_counter() - started,
    }


def count_queries(paths: list[str]) -> dict:
    """Queries per page as the verifier sees it (warm: the second request), and a
    session cookie for the same user, for the HTTP measurements."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user = get_user_model().objects.get(username=VERIFIER)
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path}: HTTP {response.status_code}")
        counts[path] = len(captured)
    return {"queries": counts, "session": client.cookies["sessionid"].value}


def remove_submissions() -> dict:
    """The reports the API measurement created: the queue sizes stay as filled."""
    import django

    django.setup()
    from cms.complaints.models import Report

    deleted, _ = Report.objects.filter(category__slug="bench-submit").delete()
    return {"deleted": deleted}
