"""The editor's dashboard shows their drafts and their own OPD's latest items only."""

import pytest

from tests.factories import UserFactory, add_item

pytestmark = pytest.mark.django_db


def test_dashboard_panels(client, opds):
    editor = UserFactory(opd=opds["dinkes"], role="editor", username="dinkes.ed")
    add_item(
        opds["dinkes"], "Draf posyandu", slug="draf-posyandu", live=False, user=editor
    )
    add_item(opds["bpbd"], "Rilis BPBD", slug="rilis-bpbd")

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Draf saya" in html and "Konten terbaru OPD saya" in html
    assert "Draf posyandu" in html
    assert "Rilis BPBD" not in html


def test_admin_speaks_indonesian_by_default(client, opds):
    client.force_login(
        UserFactory(opd=opds["dinkes"], role="editor", username="dinkes.ed2")
    )
    html = client.get("/admin/").content.decode()
    assert "Dasbor" in html
