"""Child phases of the live admin benchmark, each in its own process against the
scratch database: ``setup`` (reference data, the people, draft pages, sessions)
and ``drive`` (the other process that makes the changes, one per command read
from stdin, and says when it committed)."""

import json
import os
import sys
import time

EDITOR, REVIEWER, IDLE, LAST = (
    "bench.live.editor",
    "bench.live.reviewer",
    "bench.live.idle",
    "bench.live.last",
)
PREFIX = "bench-live-"


def _session(user) -> str:
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    return client.cookies["sessionid"].value


def _person(username, group):
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@bantenprov.go.id"}
    )
    user.groups.add(group)
    return user


def setup(events: int) -> dict:
    """An OPD's editor and reviewer, ``events`` fresh draft news items of the OPD
    (those of earlier runs deleted, so the reviewer's queue starts empty), and a
    session for each person."""
    from bench.common import create_database

    create_database(os.environ["DATABASE_URL"].rsplit("/", 1)[-1])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page, WorkflowState
    from wagtail.rich_text import RichText

    from cms.content.models import NewsPage
    from cms.opd.models import OPDPage

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_opds", verbosity=0, stdout=quiet)
    opd = OPDPage.objects.filter(slug="diskominfo").first() or OPDPage.objects.first()
    editor = _person(EDITOR, opd.editor_group)
    reviewer = _person(REVIEWER, opd.reviewer_group)
    idle = _person(IDLE, opd.editor_group)
    last = _person(LAST, opd.editor_group)
    old = Page.objects.filter(slug__startswith=PREFIX)
    for state in WorkflowState.objects.filter(
        object_id__in=[str(pk) for pk in old.values_list("pk", flat=True)],
        status=WorkflowState.STATUS_IN_PROGRESS,
    ):
        state.cancel(user=editor)
    for page in old.specific():
        page.delete()
    run = int(time.time())
    pages = []
    with transaction.atomic():
        for n in range(events):
            title = f"Uji langsung {run}-{n:03d}"
            page = NewsPage(
                title=title,
                slug=f"{PREFIX}{run}-{n:03d}",
                live=False,
                summary="Rilis untuk mengukur pembaruan langsung.",
                publish_date=timezone.now(),
                body=[("paragraph", RichText("<p>Isi rilis uji.</p>"))],
            )
            opd.add_child(instance=page)
            page.save_revision(user=editor)
            pages.append({"id": page.pk, "title": title})
    return {
        "opd": opd.slug,
        "pages": pages,
        "users": {"reviewer": reviewer.pk, "idle": idle.pk, "last": last.pk},
        "sessions": {
            "reviewer": _session(reviewer),
            "idle": _session(idle),
            "last": _session(last),
        },
    }


def drive() -> None:
    """Commands on stdin, one JSON answer per line on stdout:

    ``submit <page id>``: as the editor, save a new revision of the page and
    submit it to its OPD's review workflow, in one transaction, as the edit
    form's "submit" does; answers the wall-clock ms just before the commit and
    after it (once the commit hooks, the live event among them, have run).
    ``revise <page id>``: as the editor, save a new revision of the page only.
    ``send <user id>``: a live event to that user alone (``publish.send``).
    """
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from cms.content.models import NewsPage
    from cms.live import publish

    editor = get_user_model().objects.get(username=EDITOR)
    print("READY", flush=True)
    for line in sys.stdin:
        command, _sep, arg = line.strip().partition(" ")
        if command == "submit":
            with transaction.atomic():
                page = NewsPage.objects.get(pk=int(arg))
                page.save_revision(user=editor)
                page.get_workflow().start(page, editor)
                before = time.time() * 1000
            answer = {"commit": before, "sent": time.time() * 1000}
        elif command == "revise":
            with transaction.atomic():
                NewsPage.objects.get(pk=int(arg)).save_revision(user=editor)
                before = time.time() * 1000
            answer = {"commit": before, "sent": time.time() * 1000}
        elif command == "send":
            before = time.time() * 1000
            publish.send("notifications", channels=[f"user:{int(arg)}"])
            answer = {"commit": before, "sent": time.time() * 1000}
        else:
            break
        print(json.dumps(answer), flush=True)
