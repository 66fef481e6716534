"""The review workflow, driven through the admin: the OPD's reviewers approve, and the
province team gives a second approval only to items that ask for province exposure."""

from functools import partial

import pytest
from wagtail.models import TaskState, WorkflowState

from cms.workflow.models import OPDReviewTask, ProvinceCurationTask

from .admin_forms import is_refused, workflow_action_url
from .reviewing import review_people, submit_infographic
from .revisions import reload

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(opds):
    return review_people(opds)


@pytest.fixture
def submit(client, opds, people):
    """The editor of Diskominfo submits an accessible infographic for review."""
    return partial(submit_infographic, client, people["editor"], opds["diskominfo"])


def _act(client, user, page, action):
    client.force_login(user)
    return client.post(workflow_action_url(reload(page), action), {"comment": ""})


def _state(page):
    return WorkflowState.objects.for_instance(page).order_by("-created_at").first()


def test_submission_waits_on_the_opd_review_and_mails_its_reviewers(
    client, submit, people, mailoutbox
):
    page = submit()

    assert not reload(page).live
    state = _state(page)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task = state.current_task_state.task.specific
    assert isinstance(task, OPDReviewTask)
    assert task.name == "tinjauan redaksi DISKOMINFO"

    recipients = {address for mail in mailoutbox for address in mail.to}
    assert "reviewer.a@bantenprov.go.id" in recipients
    assert "reviewer.b@bantenprov.go.id" not in recipients
    assert "editor.a@bantenprov.go.id" not in recipients

    # "Menunggu tinjauan anda" on the dashboard: A's reviewers, not B's.
    client.force_login(people["reviewer"])
    assert "Infografis stunting" in client.get("/admin/").content.decode()
    client.force_login(people["other_reviewer"])
    assert "Infografis stunting" not in client.get("/admin/").content.decode()
    client.logout()
    assert client.get(page.url).status_code == 404


def test_a_reviewer_of_another_opd_cannot_approve(client, submit, people):
    page = submit()
    response = _act(client, people["other_reviewer"], page, "approve")

    assert is_refused(response)
    assert _state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(reload(page).current_workflow_task.specific, OPDReviewTask)
    assert not reload(page).live


def test_opd_approval_publishes_when_no_featuring_is_asked(client, submit, people):
    page = submit()
    response = _act(client, people["reviewer"], page, "approve")

    assert response.status_code == 302
    assert reload(page).live
    state = _state(page)
    assert state.status == WorkflowState.STATUS_APPROVED
    curation = state.task_states.get(task__name="Kurasi tim komunikasi provinsi")
    assert curation.status == TaskState.STATUS_SKIPPED
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Angka stunting turun 3 persen." in response.content.decode()


def test_featuring_request_waits_for_the_province_team(
    client, submit, people, mailoutbox
):
    page = submit("Infografis beranda", request_featuring=True)
    mailoutbox.clear()
    _act(client, people["reviewer"], page, "approve")

    assert not reload(page).live
    task = reload(page).current_workflow_task.specific
    assert isinstance(task, ProvinceCurationTask)
    assert "tim@bantenprov.go.id" in {a for mail in mailoutbox for a in mail.to}
    # The OPD's reviewer cannot give the second approval themselves.
    assert is_refused(_act(client, people["reviewer"], page, "approve"))
    assert not reload(page).live

    response = _act(client, people["province"], page, "approve")
    assert response.status_code == 302
    assert reload(page).live
    assert _state(page).status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(page.url).status_code == 200


def test_request_changes_sends_the_item_back(client, submit, people, mailoutbox):
    page = submit()
    mailoutbox.clear()
    response = _act(client, people["reviewer"], page, "reject")

    assert response.status_code == 302
    assert _state(page).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not reload(page).live
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert "editor.a@bantenprov.go.id" in recipients
