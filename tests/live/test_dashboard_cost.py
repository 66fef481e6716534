"""The live admin re-renders a reviewer's dashboard after every change, so its cost
must not grow with the review queue by more than Wagtail's own few queries per row:
the accessibility gate's answer for a listed draft is remembered, not recomputed
(it once cost ~7 queries and a full draft rebuild per row, on every render)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.content.models import InfographicPage
from cms.workflow.models import OPDReviewTask

pytestmark = pytest.mark.django_db

WAGTAIL_PER_ROW = 4  # its panels' own lookups per listed task (measured: ~3)


def _warm_render_queries(client) -> int:
    client.get(reverse("wagtailadmin_home"))  # the first render fills the memory
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return len(queries)


def test_a_longer_review_queue_costs_only_wagtails_per_row_queries(
    client, submit, people
):
    for n in range(2):
        submit(f"Infografis pertama {n}")
    client.force_login(people["reviewer"])
    short = _warm_render_queries(client)
    for n in range(8):
        submit(f"Infografis berikutnya {n}")
    client.force_login(people["reviewer"])
    long = _warm_render_queries(client)
    assert long - short <= 8 * WAGTAIL_PER_ROW, (short, long)


def test_the_gate_still_refuses_an_inaccessible_draft_at_approval(submit, people):
    page = submit()
    page = InfographicPage.objects.get(pk=page.pk)
    task = OPDReviewTask.objects.get(pk=page.current_workflow_task.pk)
    assert [a[0] for a in task.get_actions(page, people["reviewer"])] == [
        "reject",
        "approve",
    ]
    # The draft loses its text alternative; the listing may still remember the
    # earlier answer for a while, the approval itself checks afresh.
    page.text_alternative = ""
    page.save_revision(user=people["editor"])
    page.refresh_from_db()
    actions = [a[0] for a in task.get_actions(page, people["reviewer"])]
    assert actions == ["reject"]  # a new draft: a new answer
