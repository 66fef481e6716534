"""The demo file goes through the importer and stays loadable twice."""

import pytest
from django.core.management import call_command

from cms.content.selectors import public_items
from cms.core.demo.loader import demo_items_load
from cms.dip.models import DIPEntryPage
from cms.series.models import SeriesPage

pytestmark = pytest.mark.django_db

ITEMS = "cms/core/demo/items.jsonl"


def test_demo_items_import_cleanly_and_only_once(settings):
    from pathlib import Path

    call_command("load_opds", stdout=None)
    path = Path(settings.BASE_DIR) / ITEMS
    created = demo_items_load(path)
    lines = [line for line in path.read_text().splitlines() if line.strip()]
    assert created == len(lines) >= 10
    assert demo_items_load(path) == 0

    assert {item.type_code for item in public_items().specific()} >= {
        "rilis",
        "artikel",
        "pengumuman",
        "infografis",
    }
    series = SeriesPage.objects.get(slug="info-rb-tematik")
    assert series.title == "Info RB Tematik"
    assert series.items.values("opd").distinct().count() == 2
    kinds = set(DIPEntryPage.objects.live().values_list("kategori", flat=True))
    assert kinds == {"berkala", "dikecualikan"}
    assert DIPEntryPage.objects.get(kategori="dikecualikan").dasar_hukum
