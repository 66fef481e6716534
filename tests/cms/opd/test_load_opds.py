import json

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.opd.models import OPDPage, ProvinceHomePage
from cms.opd.services import opds_load_reference

pytestmark = pytest.mark.django_db


def test_loads_every_banten_opd_under_the_site_root():
    report = opds_load_reference()
    assert report.created == OPDPage.objects.count() >= 40
    slugs = set(OPDPage.objects.values_list("slug", flat=True))
    assert {
        "diskominfo",
        "bappeda",
        "dinkes",
        "bpbd",
        "inspektorat",
        "biro-adpim",
    } <= slugs
    home = ProvinceHomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert OPDPage.objects.get(slug="dinkes").title == "Dinas Kesehatan"
    assert all(p.live for p in OPDPage.objects.all())


def test_second_run_changes_nothing():
    opds_load_reference()
    count = OPDPage.objects.count()
    report = opds_load_reference()
    assert (report.created, report.updated) == (0, 0)
    assert report.unchanged == OPDPage.objects.count() == count


def test_changed_name_updates_in_place(tmp_path):
    opds_load_reference()
    original = OPDPage.objects.get(slug="dinkes")
    data = {
        "opds": [
            {
                "slug": "dinkes",
                "name": "Dinas Kesehatan Provinsi Banten",
                "short_name": "Dinkes",
                "kind": "dinas",
            }
        ]
    }
    path = tmp_path / "opds.json"
    path.write_text(json.dumps(data))
    report = opds_load_reference(path=path)
    assert report.updated == 1
    updated = OPDPage.objects.get(slug="dinkes")
    assert updated.pk == original.pk
    assert updated.title == "Dinas Kesehatan Provinsi Banten"


def test_management_command_reports_counts(capsys):
    call_command("load_opds")
    assert "created" in capsys.readouterr().out
