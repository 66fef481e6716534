"""Scheduled publishing: a reviewer sets a go-live time; Celery beat's task publishes
the item once that time has come, and not before."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.timestamps import submittable_timestamp

from cms.workflow.tasks import publish_scheduled_pages
from tests.factories import UserFactory, add_item

from .admin_forms import content_form, edit_url
from .revisions import reload

pytestmark = pytest.mark.django_db


def test_reviewer_schedules_and_the_beat_task_publishes_on_time(client, opds):
    bpbd = opds["bpbd"]
    page = add_item(
        bpbd,
        "Jadwal simulasi gempa",
        live=False,
        user=UserFactory(opd=bpbd, role="editor"),
    )
    go_live_at = (timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)

    client.force_login(UserFactory(opd=bpbd, role="reviewer"))
    data = content_form("Jadwal simulasi gempa", slug=page.slug)
    data["go_live_at"] = submittable_timestamp(go_live_at)
    data["action-publish"] = "1"
    assert client.post(edit_url(page), data).status_code == 302

    scheduled = Revision.page_revisions.get(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )
    assert scheduled.approved_go_live_at == go_live_at
    assert not reload(page).live
    client.logout()

    publish_scheduled_pages.delay()  # beat's run before the time: nothing happens
    assert not reload(page).live
    assert client.get(page.url).status_code == 404

    # The clock moves past the go-live time and beat runs the task again.
    later = go_live_at + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        publish_scheduled_pages.delay()

    published = reload(page)
    assert published.live
    assert published.live_revision_id == scheduled.pk
    assert client.get(page.url).status_code == 200
