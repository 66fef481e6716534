"""Review steps leave notifications for the people who must act or wait, and every
change to a page reaches, as a live event, exactly the people whose admin shows it."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cms.live.models import Notification
from tests.cms.editorial.admin_forms import workflow_action_url
from tests.cms.editorial.revisions import reload

pytestmark = pytest.mark.django_db


def _act(client, user, page, action, comment=""):
    client.force_login(user)
    return client.post(workflow_action_url(reload(page), action), {"comment": comment})


def _summary(client, user) -> dict:
    client.force_login(user)
    return client.get(reverse("live:notification_summary")).json()


def test_a_submission_notifies_the_opd_reviewers_and_nobody_else(
    client, submit, people, committed
):
    with committed():
        page = submit()

    mine = _summary(client, people["reviewer"])
    assert mine["unread"] == 1
    assert mine["latest"][0]["text"] == (
        f"Sari Editor mengajukan “{page.title}” untuk ditinjau"
    )
    assert mine["label"] == "1 notifikasi belum dibaca"
    for other in ("editor", "other_reviewer", "province"):
        assert _summary(client, people[other])["unread"] == 0, other


def test_page_events_reach_the_opd_and_province_never_another_opd(
    submit, people, live_events, committed
):
    with committed():
        page = submit()

    page_events = [e for e in live_events() if e["topic"] == "page"]
    assert page_events, "submitting sent no live event"
    last = page_events[-1]
    assert page.pk in last["pages"]
    assert last["change"] == "submitted"
    assert last["actor"] == people["editor"].pk
    for watcher in ("editor", "reviewer", "province"):
        assert people[watcher].pk in last["users"], watcher
    for outsider in ("other_editor", "other_reviewer"):
        assert people[outsider].pk not in last["users"], outsider
    # Ids only: the fragments behind them are rendered with the reader's rights.
    assert page.title not in str(page_events)
    notices = [e for e in live_events() if e["topic"] == "notifications"]
    assert [e["users"] for e in notices] == [[people["reviewer"].pk]]


def test_approval_notifies_the_editor_and_bannners_the_open_edit_form(
    client, submit, people, committed
):
    page = submit()
    opened = int(timezone.now().timestamp() * 1000)  # the editor opens the form
    with committed():
        _act(client, people["reviewer"], page, "approve")

    notice = _summary(client, people["editor"])
    assert notice["latest"][0]["text"] == f"Budi Peninjau menyetujui “{page.title}”"
    banner_url = reverse("live:page_banner", args=[page.pk]) + f"?since={opened}"
    client.force_login(people["editor"])
    banner = client.get(banner_url)
    assert banner.status_code == 200
    text = banner.content.decode()
    assert "Budi Peninjau menyetujui tinjauan konten ini." in text
    assert "Budi Peninjau menerbitkan konten ini." in text
    # The reviewer's own tab has nothing to be told; another OPD may not ask.
    client.force_login(people["reviewer"])
    assert client.get(banner_url).status_code == 204
    client.force_login(people["other_reviewer"])
    assert client.get(banner_url).status_code == 404


def test_a_change_request_carries_the_reviewers_comment(client, submit, people):
    page = submit()
    _act(client, people["reviewer"], page, "reject", comment="Sumber data kurang.")

    notification = Notification.objects.get(recipient=people["editor"])
    assert notification.kind == Notification.Kind.CHANGES_REQUESTED
    assert notification.comment == "Sumber data kurang."
    client.force_login(people["editor"])
    listing = client.get(reverse("live:notifications")).content.decode()
    assert "Budi Peninjau meminta perubahan pada" in listing
    assert "Sumber data kurang." in listing


def test_opening_a_notification_marks_it_read_for_its_recipient_only(
    client, submit, people
):
    page = submit()
    notification = Notification.objects.get(recipient=people["reviewer"])
    url = reverse("live:notification_open", args=[notification.pk])

    client.force_login(people["other_reviewer"])
    assert client.get(url).status_code == 404
    client.force_login(people["reviewer"])
    response = client.get(url)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert _summary(client, people["reviewer"])["unread"] == 0


def test_mark_all_read(client, submit, people):
    submit("Satu")
    submit("Dua")
    assert _summary(client, people["reviewer"])["unread"] == 2
    client.post(reverse("live:notifications_read"))
    assert _summary(client, people["reviewer"])["unread"] == 0


def test_a_rolled_back_submission_notifies_nobody_and_sends_nothing(
    submit, people, live_events, committed
):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        submit()
        raise RuntimeError("the editor's request failed later")

    assert not Notification.objects.exists()
    assert live_events() == []


def test_old_notifications_are_pruned_recent_and_unread_kept(submit, people):
    from datetime import timedelta

    from cms.live.tasks import notifications_prune

    submit("Satu")
    submit("Dua")
    submit("Tiga")
    old_read, old_unread, recent = Notification.objects.order_by("pk")
    now = timezone.now()
    Notification.objects.filter(pk=old_read.pk).update(
        read_at=now - timedelta(days=91), created_at=now - timedelta(days=100)
    )
    Notification.objects.filter(pk=old_unread.pk).update(
        created_at=now - timedelta(days=100)
    )
    assert notifications_prune() == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == {
        old_unread.pk,
        recent.pk,
    }
