"""Serta merta (UU 14/2008 Art. 10): an editor of the owning OPD publishes urgent
information at once; the review happens afterwards and the use is audited."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from cms.content.models import NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.workflow.models import OPDReviewTask
from cms.workflow.services import SERTA_MERTA_ACTION, serta_merta_publish
from tests.factories import UserFactory, add_item

from .admin_forms import add_url, create_via_admin, dip_entry_form, edit_url, is_refused
from .revisions import reload

pytestmark = pytest.mark.django_db

WARNING = "akan langsung terbit tanpa menunggu persetujuan"


@pytest.fixture
def bpbd_editor(opds):
    return UserFactory(opd=opds["bpbd"], role="editor")


def _draft(client, opds, editor, title, **fields):
    client.force_login(editor)
    return create_via_admin(client, NewsPage, opds["bpbd"], title, **fields)


def _confirm_url(page):
    return reverse("editorial_serta_merta", args=[page.pk])


def test_editor_publishes_serta_merta_at_once_and_review_follows(
    client, opds, bpbd_editor
):
    page = _draft(client, opds, bpbd_editor, "Banjir di Pandeglang", serta_merta=True)
    assert not reload(page).live
    assert _confirm_url(page) in client.get(edit_url(page)).content.decode()

    response = client.get(_confirm_url(page))
    assert response.status_code == 200
    assert WARNING in response.content.decode()

    response = client.post(_confirm_url(page))
    assert response.status_code == 302 and response.url == edit_url(page)

    published = reload(page)
    assert published.live
    assert PageLogEntry.objects.filter(
        page=page, action=SERTA_MERTA_ACTION, user=bpbd_editor
    ).exists()
    assert published.workflow_in_progress
    task = published.current_workflow_task.specific
    assert isinstance(task, OPDReviewTask) and task.name == "tinjauan redaksi BPBD"
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Banjir di Pandeglang" in response.content.decode()


def test_serta_merta_dip_entry_takes_the_fast_path(client, opds, bpbd_editor):
    index = DIPIndexPage.objects.child_of(opds["bpbd"]).get()
    client.force_login(bpbd_editor)
    data = dip_entry_form("Peta evakuasi tsunami", kategori="serta_merta")
    assert client.post(add_url(DIPEntryPage, index), data).status_code == 302
    entry = DIPEntryPage.objects.get(slug="peta-evakuasi-tsunami")

    assert client.get(_confirm_url(entry)).status_code == 200
    client.post(_confirm_url(entry))
    assert reload(entry).live
    assert reload(entry).workflow_in_progress


def test_ordinary_item_cannot_take_the_fast_path(client, opds, bpbd_editor):
    page = _draft(client, opds, bpbd_editor, "Rapat koordinasi rutin")
    assert _confirm_url(page) not in client.get(edit_url(page)).content.decode()

    assert is_refused(client.get(_confirm_url(page)))
    assert is_refused(client.post(_confirm_url(page)))
    assert not reload(page).live
    assert not PageLogEntry.objects.filter(action=SERTA_MERTA_ACTION).exists()


def test_editor_of_another_opd_cannot_use_it(client, opds, bpbd_editor):
    page = _draft(client, opds, bpbd_editor, "Gempa di Lebak", serta_merta=True)
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))

    assert is_refused(client.get(_confirm_url(page)))
    assert is_refused(client.post(_confirm_url(page)))
    assert not reload(page).live
    assert not PageLogEntry.objects.filter(action=SERTA_MERTA_ACTION).exists()


def test_fast_path_service_does_not_need_publish_permission(opds, bpbd_editor):
    """The editor has no publish permission by design; the fast path is the exception
    and must not trip Wagtail's own publish permission check."""
    page = add_item(opds["bpbd"], "Longsor di Cibaliung", live=False, serta_merta=True)
    serta_merta_publish(page=page, user=bpbd_editor)
    assert reload(page).live
