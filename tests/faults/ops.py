"""Editor-side actions against the fault set's database, one JSON line per request on
stdin, one answer per line on stdout. Publishing goes through Wagtail's revision
publish (the admin's path), so the change events, outbox and enqueues really run."""

import json
import os
import sys
import traceback


def setup(*, username: str, password: str) -> dict:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from cms.opd.models import OPDPage
    from search.index_management import ensure_index

    with open(os.devnull, "w") as quiet:
        call_command("load_opds", verbosity=0, stdout=quiet)
    User = get_user_model()
    if not User.objects.filter(username=username).exists():
        User.objects.create_superuser(username, f"{username}@localhost", password)
    ensure_index()
    opd = OPDPage.objects.order_by("path").first()
    return {"opd": opd.slug, "opd_url": opd.url}


def publish(*, marker: str, count: int = 1) -> list[dict]:
    """``count`` news items titled with ``marker``, each published on its own (one
    transaction, one outbox row and one enqueued drain each, as editors do)."""
    from cms.opd.models import OPDPage
    from tests.factories.pages import add_item

    opd = OPDPage.objects.order_by("path").first()
    pages = [
        add_item(opd, f"{marker} kabar {n}", summary=f"Ringkasan {marker} {n}.")
        for n in range(count)
    ]
    return [{"id": page.pk, "url": page.url} for page in pages]


COMMANDS = {"setup": setup, "publish": publish}


def main() -> None:
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # anything printed by Django goes to the log, not the answers
    import django

    django.setup()
    from django.db import connection

    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = {"ok": True, "result": COMMANDS[request["op"]](**request["args"])}
        except Exception as exc:
            traceback.print_exc()
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        finally:
            connection.close()  # a restarted PostgreSQL must not break the next call
        out.write(json.dumps(answer, default=str) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
