"""The shipped categories: loaded idempotently, default OPDs looked up by slug."""

import pytest
from django.core.management import call_command

from cms.complaints.models import Category

pytestmark = pytest.mark.django_db


def test_categories_load_once_with_the_opds_that_exist(opds):
    call_command("load_complaint_categories", verbosity=0)
    count = Category.objects.count()
    assert count >= 10
    assert Category.objects.get(slug="layanan-kesehatan").default_opd == opds["dinkes"]
    # dpupr is not among the test OPDs: the category is kept without a default.
    assert Category.objects.get(slug="infrastruktur-jalan-jembatan").default_opd is None

    Category.objects.filter(slug="lainnya").update(name="Lain-lain")
    call_command("load_complaint_categories", verbosity=0)
    assert Category.objects.count() == count
    assert Category.objects.get(slug="lainnya").name == "Lain-lain"


def test_the_verification_team_edits_categories_in_the_admin(client, opds):
    from tests.factories import UserFactory
    from tests.factories.complaints import add_category, liaison_of, verifier

    category = add_category("Banjir")
    team = verifier()
    client.force_login(team)
    listing = client.get("/admin/complaints/categories/")
    assert listing.status_code == 200 and "Banjir" in listing.content.decode()
    edit = f"/admin/complaints/categories/edit/{category.pk}/"
    assert client.get(edit).status_code == 200

    for outsider in (
        liaison_of(opds["dinkes"]),
        UserFactory(opd=opds["dinkes"], role="editor"),
    ):
        client.force_login(outsider)
        assert client.get("/admin/complaints/categories/").status_code in (302, 403)
