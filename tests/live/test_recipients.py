"""Who a live event reaches, and what finding them costs: the people Wagtail lets
see a page in the admin, looked up once per event (a fixed number of queries
however many pages, changes or groups it is about), one event per transaction
and topic however many steps asked for it."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.live import publish, recipients
from cms.opd.access import PROVINCE_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _counted(func, *args):
    with CaptureQueriesContext(connection) as queries:
        answer = func(*args)
    return answer, len(queries)


def test_a_pages_watchers_are_those_wagtail_lets_see_it(opds, people):
    page = opds["diskominfo"]
    watchers, queries = _counted(recipients.watchers_of_pages, [page.pk])

    for watcher in ("editor", "reviewer", "province"):
        assert people[watcher].pk in watchers, watcher
    for outsider in ("other_editor", "other_reviewer"):
        assert people[outsider].pk not in watchers, outsider
    assert queries == 2  # the pages' places in the tree, then the people


def test_the_lookup_costs_the_same_for_every_page_of_every_opd(opds, people, home):
    admin = UserFactory(is_superuser=True)
    pages = [home.pk, *(opd.pk for opd in opds.values()), 999_999]  # one deleted
    watchers, queries = _counted(recipients.watchers_of_pages, pages)

    assert {p.pk for p in people.values()} | {admin.pk} == watchers
    assert queries == 2


def test_a_deleted_page_still_reaches_the_site_wide_team(people):
    watchers = recipients.watchers_of_pages([999_999])
    assert people["province"].pk in watchers
    assert people["editor"].pk not in watchers


def test_groups_resolve_in_one_query(people):
    names = [PROVINCE_GROUP, *Group.objects.values_list("name", flat=True)]
    (users, ops), queries = _counted(
        recipients.resolve, [f"group:{n}" for n in names] + ["user:1", "ops"]
    )
    assert people["province"].pk in users and 1 in users and ops
    assert queries == 1


def test_a_transactions_events_of_one_topic_leave_as_one(
    people, live_events, committed
):
    groups = Group.objects.filter(user__in=people.values()).distinct()
    with committed():
        for group in groups:  # a step per group, as a bulk action would
            publish.publish("cases", channels=[f"group:{group.name}"])
        publish.publish("ops", channels=["ops"])
        publish.publish("ops", channels=["ops"])

    events = live_events()
    assert sorted(e["topic"] for e in events) == ["cases", "ops"]
    (cases,) = [e for e in events if e["topic"] == "cases"]
    assert set(cases["users"]) == {p.pk for p in people.values()}


def test_page_events_of_one_transaction_leave_as_one(
    opds, people, live_events, committed
):
    a, b = opds["diskominfo"].pk, opds["dinkes"].pk
    with committed():  # two search batches, as one drain run may send
        publish.publish_pages("search", [a])
        publish.publish_pages("search", [b, a])

    (event,) = [e for e in live_events() if e["topic"] == "search"]
    assert event["pages"] == sorted([a, b])
    assert {people["editor"].pk, people["other_editor"].pk} <= set(event["users"])
