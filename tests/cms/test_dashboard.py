"""The editor's dashboard shows their drafts and their own OPD's latest items only."""

import pytest

from cms.content.models import NewsPage

pytestmark = pytest.mark.django_db


def test_dashboard_panels(client, opds, make_editor):
    editor = make_editor(opds["dinkes"], "dinkes.ed")
    draft = NewsPage(title="Draf posyandu", slug="draf-posyandu", live=False)
    opds["dinkes"].add_child(instance=draft)
    draft.save_revision(user=editor)
    other = NewsPage(title="Rilis BPBD", slug="rilis-bpbd")
    opds["bpbd"].add_child(instance=other)
    other.save_revision().publish()

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Draf saya" in html and "Konten terbaru OPD saya" in html
    assert "Draf posyandu" in html
    assert "Rilis BPBD" not in html


def test_admin_speaks_indonesian_by_default(client, opds, make_editor):
    client.force_login(make_editor(opds["dinkes"], "dinkes.ed2"))
    html = client.get("/admin/").content.decode()
    assert "Dasbor" in html
