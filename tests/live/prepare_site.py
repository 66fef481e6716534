"""Prepare a site for the two-browser scenario, in the site's own process and
database: ``python -m tests.live.prepare_site`` prints one JSON line.

An editor and a reviewer of Diskominfo (with names, as editors have) and two
drafts by the editor, through the same services and page API the admin uses.
"""

import json
import os
import secrets
import sys

PASSWORD = "live-scenario-password-2026"


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from cms.opd.models import OPDPage
    from tests.factories.pages import add_item

    with open(os.devnull, "w") as quiet:
        call_command("load_opds", verbosity=0, stdout=quiet)
    opd = OPDPage.objects.get(slug="diskominfo")
    users = {}
    for role, group, first in (
        ("editor", opd.editor_group, "Sari"),
        ("reviewer", opd.reviewer_group, "Budi"),
    ):
        user, _created = get_user_model().objects.get_or_create(
            username=f"live.{role}",
            defaults={"first_name": first, "last_name": "Diskominfo"},
        )
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(group)
        users[role] = user
    run = secrets.token_hex(3)  # the site may be prepared again
    pages = [
        add_item(opd, f"{title} {run}", live=False, user=users["editor"])
        for title in ("Rilis siaga banjir Serang", "Rilis jadwal posyandu Lebak")
    ]
    json.dump(
        {
            "editor": "live.editor",
            "reviewer": "live.reviewer",
            "password": PASSWORD,
            "pages": [{"id": page.pk, "title": page.title} for page in pages],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
