"""The fragments a live event makes the browser re-fetch, and the notifications.

Each is rendered with the requesting user's permissions, so an event only ever
says "look again", never what changed.
"""

from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.home import HomeView
from wagtail.models import Page

from .banner import banner_entries
from .models import Notification

LATEST = 5


class DashboardPanelsView(HomeView):
    """The dashboard's panels alone (``live.js`` swaps them in place)."""

    template_name = "live/dashboard_panels.html"


def page_banner(request, page_id: int):
    """Who else acted on this page since ``?since`` (ms), for the open edit form."""
    page = get_object_or_404(Page, pk=page_id).specific_deferred
    if not _can_open_editor(page, request.user):
        raise Http404
    since = _since(request.GET.get("since", ""))
    entries = banner_entries(page, request.user, since) if since else []
    if not entries:
        return HttpResponse(status=204)
    return TemplateResponse(
        request, "live/page_banner.html", {"entries": entries, "page": page}
    )


def _can_open_editor(page, user) -> bool:
    if page.permissions_for_user(user).can_edit():
        return True
    task = page.current_workflow_task
    return bool(task and task.user_can_access_editor(page, user))


def _since(value: str) -> datetime | None:
    if not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value) / 1000, tz=UTC)


class NotificationListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "live/notifications.html"
    page_title = _("Notifikasi")
    header_icon = "bell"

    def get_context_data(self, **kwargs):
        mine = Notification.objects.filter(recipient=self.request.user)
        page = Paginator(mine.select_related("actor", "page"), 30).get_page(
            self.request.GET.get("p")
        )
        return {
            **super().get_context_data(**kwargs),
            "notifications": page,
            "unread": mine.filter(read_at__isnull=True).count(),
        }


def notification_summary(request):
    """The bell: unread count, the newest unread, and the words for the badge."""
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    count = unread.count()
    latest = unread.select_related("actor", "page")[:LATEST]
    label = ngettext(
        "%(count)d notifikasi belum dibaca", "%(count)d notifikasi belum dibaca", count
    ) % {"count": count}
    return JsonResponse(
        {
            "unread": count,
            "label": label,
            "latest": [
                {"id": n.pk, "text": n.text, "url": _open_url(n)} for n in latest
            ],
        },
        headers={"Cache-Control": "no-store"},
    )


def _open_url(notification) -> str:
    from django.urls import reverse

    return reverse("live:notification_open", args=[notification.pk])


def notification_open(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(notification.url or "live:notifications")


@require_POST
def notifications_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("live:notifications")
