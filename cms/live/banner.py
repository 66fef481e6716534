"""What the banner on an open edit form says: the latest thing someone else did to
the page since the form was opened, from Wagtail's own audit log.

A newer draft saved by someone else is Wagtail's to announce (its editing-session
notice, which ``live.js`` asks to check at once): this banner covers the steps
that notice does not see.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

ACTIONS = {
    "wagtail.workflow.start": "submitted",
    "wagtail.workflow.approve": "approved",
    "wagtail.workflow.reject": "changes_requested",
    "wagtail.workflow.cancel": "cancelled",
    "wagtail.publish": "published",
    "wagtail.publish.scheduled": "published",
    "wagtail.unpublish": "unpublished",
    "wagtail.unpublish.scheduled": "unpublished",
}


@dataclass(frozen=True)
class BannerEntry:
    step: str
    actor: str
    at: datetime
    comment: str

    @property
    def text(self) -> str:
        facts = {"actor": self.actor}
        return {
            "submitted": _("%(actor)s mengajukan konten ini untuk ditinjau."),
            "approved": _("%(actor)s menyetujui tinjauan konten ini."),
            "changes_requested": _("%(actor)s meminta perubahan pada konten ini."),
            "cancelled": _("%(actor)s membatalkan alur tinjauan konten ini."),
            "published": _("%(actor)s menerbitkan konten ini."),
            "unpublished": _("%(actor)s menarik konten ini dari publik."),
        }[self.step] % facts


def banner_entries(page, user, since: datetime, limit: int = 3) -> list[BannerEntry]:
    """The newest ``limit`` steps, oldest first (an approval that publishes logs
    both steps, and the editor should read both)."""
    entries = (
        PageLogEntry.objects.filter(
            page_id=page.pk, timestamp__gt=since, action__in=ACTIONS
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
    return [_entry(entry) for entry in reversed(entries)]


def _entry(entry) -> BannerEntry:
    actor = entry.user
    name = (actor.get_full_name() or actor.get_username()) if actor else _("Sistem")
    comment = (entry.data or {}).get("comment") or ""
    return BannerEntry(ACTIONS[entry.action], name, entry.timestamp, str(comment))
