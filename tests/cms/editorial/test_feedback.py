"""What the admin says after each editorial step: submit, approve (after a
confirmation dialog), request changes and publish each end with an Indonesian message
naming the item and what happens next."""

import json

import pytest

from cms.content.models import InfographicPage, NewsPage

from .admin_forms import (
    content_form,
    create_via_admin,
    edit_url,
    messages_text,
    post_create,
    workflow_action_url,
)
from .reviewing import infographic_fields, review_people
from .revisions import reload

pytestmark = pytest.mark.django_db

TITLE = "Infografis stunting"
OPD_NAME = "Dinas Komunikasi, Informatika, Statistik dan Persandian"


@pytest.fixture
def people(opds):
    return review_people(opds)


@pytest.fixture
def infographic(opds):
    return infographic_fields(opds["diskominfo"])


@pytest.fixture
def submitted(client, opds, people, infographic):
    """Submits through the admin's create view; returns (page, response)."""

    def submit(**fields):
        client.force_login(people["editor"])
        return post_create(
            client,
            InfographicPage,
            opds["diskominfo"],
            TITLE,
            action="submit",
            **infographic,
            **fields,
        )

    return submit


def test_submitting_names_the_opd_desk_that_reviews_it(submitted):
    page, response = submitted()

    assert reload(page).workflow_in_progress
    assert f"“{TITLE}” diajukan ke redaksi {OPD_NAME} untuk ditinjau." in messages_text(
        response
    )
    assert "submitted for moderation" not in messages_text(response)


def test_approving_asks_for_confirmation_then_says_it_went_live(
    client, submitted, people
):
    page, _ = submitted()
    client.force_login(people["reviewer"])

    # The editor's action menu opens a dialog for "Setujui", not a direct approval.
    html = client.get(edit_url(page)).content.decode()
    assert 'data-workflow-action-name="approve" data-workflow-action-modal-url' in html
    assert "Approve with comment" not in html
    # So does the dashboard's "Menunggu tinjauan anda" panel.
    dashboard = client.get("/admin/").content.decode()
    assert "data-launch-modal>Setujui</button>" in dashboard

    dialog = client.get(workflow_action_url(reload(page), "approve"))
    body = json.loads(dialog.content)
    assert body["step"] == "action"
    assert f"Setujui “{TITLE}”?" in body["html"]
    assert 'name="comment"' in body["html"] and "Ya, setujui" in body["html"]
    assert not reload(page).live  # opening the dialog decides nothing

    response = client.post(
        workflow_action_url(reload(page), "approve"), {"comment": "Rapi."}
    )
    assert response.status_code == 302
    assert reload(page).live
    assert f"“{TITLE}” disetujui dan diterbitkan." in messages_text(response)


def test_approval_before_province_curation_says_where_it_went(
    client, submitted, people
):
    page, _ = submitted(request_featuring=True)
    client.force_login(people["reviewer"])
    response = client.post(workflow_action_url(reload(page), "approve"), {})

    assert not reload(page).live
    step = reload(page).current_workflow_task.name  # the province curation
    assert f"“{TITLE}” disetujui dan diteruskan ke tahap {step}." in messages_text(
        response
    )


def test_request_changes_confirms_and_says_it_went_back(client, submitted, people):
    page, _ = submitted()
    client.force_login(people["reviewer"])

    dialog = json.loads(client.get(workflow_action_url(reload(page), "reject")).content)
    assert f"Kembalikan “{TITLE}” kepada penulis?" in dialog["html"]

    response = client.post(
        workflow_action_url(reload(page), "reject"), {"comment": "Sumber data?"}
    )
    assert not reload(page).live
    assert not reload(page).workflow_in_progress
    assert (
        f"“{TITLE}” dikembalikan kepada penulis dengan permintaan perubahan."
        in messages_text(response)
    )


def test_approving_from_the_edit_page_says_it_went_live(
    client, submitted, people, infographic
):
    page, _ = submitted()
    client.force_login(people["reviewer"])
    data = content_form(TITLE, slug=page.slug, **infographic)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = json.dumps({"comment": ""})
    response = client.post(edit_url(page), data)

    assert response.status_code == 302
    assert reload(page).live
    messages = messages_text(response)
    assert f"“{TITLE}” disetujui dan diterbitkan." in messages
    assert "has been updated" not in messages


def test_publishing_asks_for_confirmation_then_says_it_went_live(client, opds, people):
    client.force_login(people["reviewer"])
    page = create_via_admin(
        client, NewsPage, opds["diskominfo"], "Rilis vaksinasi", action="publish"
    )
    # "Publish" opens Wagtail's dialog; only the dialog's button submits the form.
    html = client.get(edit_url(page)).content.decode()
    assert 'data-a11y-dialog-show="sipanganten-confirm-publish"' in html
    dialog = html[html.index('id="sipanganten-confirm-publish"') :]
    assert "Terbitkan sekarang?" in dialog and 'name="action-publish"' in dialog
    assert html.count('name="action-publish"') == 1

    data = content_form("Rilis vaksinasi", slug=page.slug, summary="Diperbarui")
    data["action-publish"] = "1"
    response = client.post(edit_url(page), data)

    assert response.status_code == 302
    assert reload(page).live
    messages = messages_text(response)
    assert "“Rilis vaksinasi” diterbitkan." in messages
    assert "has been published" not in messages
