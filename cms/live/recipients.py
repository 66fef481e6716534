"""Who watches what: the people whose admin screens show a page.

An OPD's pages are on the dashboards of its editors and reviewers; the province
team and superusers see every OPD's. Resolved when the event is sent, so a
changed group membership counts from the next event on.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Page

from cms.opd.access import PROVINCE_GROUP
from cms.opd.models import OPDPage


def everywhere() -> set[int]:
    """Users who see every OPD: superusers and the province team."""
    users = get_user_model().objects.filter(is_active=True)
    return set(
        users.filter(Q(is_superuser=True) | Q(groups__name=PROVINCE_GROUP))
        .values_list("pk", flat=True)
        .distinct()
    )


def of_opds(opd_ids: Iterable[int]) -> set[int]:
    groups = set()
    for editors, reviewers in OPDPage.objects.filter(pk__in=set(opd_ids)).values_list(
        "editor_group_id", "reviewer_group_id"
    ):
        groups.update(g for g in (editors, reviewers) if g)
    if not groups:
        return set()
    users = get_user_model().objects.filter(is_active=True, groups__in=groups)
    return set(users.values_list("pk", flat=True).distinct())


def opds_of_pages(page_ids: Iterable[int]) -> set[int]:
    """The OPDs at or above these pages (pages already deleted count for none)."""
    paths = list(
        Page.objects.filter(pk__in=set(page_ids)).values_list("path", flat=True)
    )
    if not paths:
        return set()
    opds = OPDPage.objects.values_list("pk", "path")  # a few dozen rows
    return {pk for pk, opd_path in opds for path in paths if path.startswith(opd_path)}


def watchers_of_pages(page_ids: Iterable[int]) -> set[int]:
    return everywhere() | of_opds(opds_of_pages(page_ids))


def in_groups(names: Iterable[str]) -> set[int]:
    users = get_user_model().objects.filter(is_active=True, groups__name__in=names)
    return set(users.values_list("pk", flat=True).distinct())


def superusers() -> set[int]:
    users = get_user_model().objects.filter(is_active=True, is_superuser=True)
    return set(users.values_list("pk", flat=True))


def resolve(channels: Iterable[str]) -> tuple[set[int], bool]:
    """``"user:<id>"``, ``"opd:<id>"``, ``"group:<name>"`` (its members and the
    superusers), ``"province"``, ``"ops"`` -> user ids, and whether the operations
    watchers are addressed."""
    users, opds, groups, ops = set(), set(), set(), False
    for channel in channels:
        name, _sep, value = channel.partition(":")
        if name == "user":
            users.add(int(value))
        elif name == "opd":
            opds.add(int(value))
        elif name == "group":
            groups.add(value)
        elif name == "province":
            users |= everywhere()
        elif name == "ops":
            ops = True
        else:
            raise ValueError(f"Unknown live channel {channel!r}")
    if groups:
        users |= in_groups(groups) | superusers()
    return users | of_opds(opds), ops
