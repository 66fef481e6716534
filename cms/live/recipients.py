"""Who is sent a live event: user ids, in one query per event whatever its size.

A page's watchers are whom Wagtail lets see it in the admin: superusers and the
members of groups holding a page permission at or above it (an OPD's editors and
reviewers, the province team at the home page). Resolved when the event is sent,
so a changed group membership counts from the next event on. An event is only a
hint to look again: what a reader is then shown is rendered with their own rights.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Page

# Page permissions here cover every page, those deleted already included.
SITE_WIDE_DEPTH = 2


def _active_users(who: Q) -> set[int]:
    users = get_user_model().objects.filter(who, is_active=True)
    return set(users.values_list("pk", flat=True).distinct())


def watchers_of_pages(page_ids: Iterable[int]) -> set[int]:
    paths = Page.objects.filter(pk__in=set(page_ids)).values_list("path", flat=True)
    step = Page.steplen
    above = {path[:end] for path in paths for end in range(step, len(path) + 1, step)}
    granted = Q(groups__page_permissions__page__depth__lte=SITE_WIDE_DEPTH)
    if above:
        granted |= Q(groups__page_permissions__page__path__in=above)
    return _active_users(Q(is_superuser=True) | granted)


def resolve(channels: Iterable[str]) -> tuple[set[int], bool]:
    """``"user:<id>"``, ``"group:<name>"`` (its members and the superusers),
    ``"ops"`` -> user ids, and whether the operations watchers are addressed."""
    users, groups, ops = set(), set(), False
    for channel in channels:
        name, _sep, value = channel.partition(":")
        if name == "user":
            users.add(int(value))
        elif name == "group":
            groups.add(value)
        elif name == "ops":
            ops = True
        else:
            raise ValueError(f"Unknown live channel {channel!r}")
    if groups:
        users |= _active_users(Q(is_superuser=True) | Q(groups__name__in=groups))
    return users, ops
