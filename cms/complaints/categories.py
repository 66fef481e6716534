"""Loading the shipped complaint categories (``data/categories.json``)."""

import json
from pathlib import Path

from django.db import transaction

from cms.opd.models import OPDPage

from .access import complaints_access_ensure
from .models import Category

CATEGORIES_FILE = Path(__file__).parent / "data" / "categories.json"


@transaction.atomic
def categories_load(*, path: Path = CATEGORIES_FILE) -> tuple[int, int]:
    """Create missing categories (matched by slug) and fill a missing default OPD;
    what editors changed in the admin is left alone. Returns (created, updated)."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))["categories"]
    opds = {opd.slug: opd for opd in OPDPage.objects.all()}
    created = updated = 0
    for order, row in enumerate(rows):
        opd = opds.get(row["opd"])  # may be missing: then no default OPD
        category = Category.objects.filter(slug=row["slug"]).first()
        if category is None:
            Category.objects.create(
                slug=row["slug"],
                name=row["name"],
                description=row.get("description", ""),
                default_opd=opd,
                sort_order=order,
            )
            created += 1
        elif category.default_opd_id is None and opd is not None:
            category.default_opd = opd
            category.save(update_fields=["default_opd"])
            updated += 1
    complaints_access_ensure()
    # The PPID groups are repaired by the same setup step (``make setup``).
    from cms.ppid.access import ppid_access_ensure

    ppid_access_ensure()
    return created, updated
