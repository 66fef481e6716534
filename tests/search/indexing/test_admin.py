"""The sync state in the admin: the outbox view and dashboard panel for the
province team, and "last indexed" on each item's edit form for its editors."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.opd.access import PROVINCE_GROUP
from search.indexing.keys import page_key
from search.indexing.models import SearchOutbox
from tests.factories import UserFactory, add_item

from .helpers import drain

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(*groups, superuser=False):
        client.force_login(UserFactory(groups=groups, superuser=superuser))
        return client

    return as_user


def _failing_row(page):
    SearchOutbox.objects.filter(object_key=page_key(page.pk)).update(
        attempts=3, last_error="ConnectionError: ES mati"
    )


def test_province_team_sees_pending_and_errors(opds, login):
    page = add_item(opds["dinkes"], "Belum Tersinkron")
    _failing_row(page)
    team = login(Group.objects.get(name=PROVINCE_GROUP))
    response = team.get(reverse("search_outbox"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ES mati" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    dashboard = team.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sinkronisasi pencarian publik" in dashboard


def test_opd_editor_cannot_see_the_outbox(opds, login):
    add_item(opds["dinkes"], "Menunggu")
    editor = login(opds["dinkes"].editor_group)
    assert editor.get(reverse("search_outbox")).status_code in {302, 403}
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sinkronisasi pencarian publik" not in dashboard


def test_sync_now_drains(opds, login, django_capture_on_commit_callbacks):
    add_item(opds["dinkes"], "Segera")
    admin = login(superuser=True)
    response = admin.post(reverse("search_outbox"))
    assert response.status_code == 302
    assert not SearchOutbox.objects.exists()  # eager task in tests


def test_editor_sees_when_the_item_was_indexed(opds, login):
    page = add_item(opds["dinkes"], "Status Indeks")
    editor = login(opds["dinkes"].editor_group)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Menunggu sinkronisasi" in editor.get(edit_url).content.decode()
    drain()
    html = editor.get(edit_url).content.decode()
    assert "Terakhir diindeks di pencarian publik" in html
    assert "Menunggu sinkronisasi" not in html
