"""Series join items of several OPDs; a province-curated series asks the province team
for a second approval of every item that joins it, whichever OPD owns the item."""

import pytest
from wagtail.models import TaskState, WorkflowState

from cms.content.models import NewsPage
from cms.workflow.models import ProvinceCurationTask
from tests.factories import UserFactory, add_series

from .admin_forms import create_via_admin, is_refused, workflow_action_url
from .revisions import reload

pytestmark = pytest.mark.django_db


def _series(opd, title, *, curated):
    slug = title.lower().replace(" ", "-")
    return add_series(opd, title, slug=slug, province_curated=curated)


@pytest.fixture
def dinkes_people(opds):
    dinkes = opds["dinkes"]
    return (
        UserFactory(opd=dinkes, role="editor"),
        UserFactory(opd=dinkes, role="reviewer"),
    )


def _submit_and_review(client, opds, people, series, title):
    editor, reviewer = people
    client.force_login(editor)
    page = create_via_admin(
        client, NewsPage, opds["dinkes"], title, action="submit", series=series
    )
    assert reload(page).series_id == series.pk
    client.force_login(reviewer)
    response = client.post(workflow_action_url(reload(page), "approve"), {})
    assert response.status_code == 302
    return page


def test_joining_a_curated_series_needs_the_province_team(client, opds, dinkes_people):
    series = _series(opds["diskominfo"], "Info RB Tematik", curated=True)
    page = _submit_and_review(
        client, opds, dinkes_people, series, "Stunting turun di Banten"
    )

    assert not reload(page).live
    assert isinstance(reload(page).current_workflow_task.specific, ProvinceCurationTask)
    # Diskominfo's own reviewers own the series but are not the province team.
    client.force_login(UserFactory(opd=opds["diskominfo"], role="reviewer"))
    assert is_refused(client.post(workflow_action_url(reload(page), "approve"), {}))

    client.force_login(UserFactory(role="province"))
    client.post(workflow_action_url(reload(page), "approve"), {})
    assert reload(page).live
    client.logout()
    assert "Stunting turun di Banten" in client.get(series.url).content.decode()


def test_joining_an_ordinary_series_skips_the_province_step(
    client, opds, dinkes_people
):
    series = _series(opds["diskominfo"], "Kabar OPD", curated=False)
    page = _submit_and_review(client, opds, dinkes_people, series, "Posyandu aktif")

    assert reload(page).live
    state = WorkflowState.objects.for_instance(page).get()
    curation = state.task_states.get(task__name="Kurasi tim komunikasi provinsi")
    assert curation.status == TaskState.STATUS_SKIPPED
