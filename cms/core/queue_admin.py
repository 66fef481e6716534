"""What the complaints and PPID admin queues share (``cms.complaints.admin.queues``,
``cms.ppid.admin.queues``): Wagtail's generic listing behind a permission check,
a deadline column with an accessible badge, deadline ordering with the undated
last, tabs between the queues a user may open, and each queue's two URLs.

The apps keep what differs: columns, filters, search, scope and wording.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.urls import path, reverse
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseListingView

from cms.core.workdays import deadline_label, remaining_working_days


def deadline_badge(due, today) -> dict | None:
    """What a deadline badge shows: the date, its text and whether it is overdue
    (then styled as critical, with the word "terlambat" and an icon: not colour
    alone). None without a deadline."""
    if due is None:
        return None
    late = remaining_working_days(due, today) < 0
    return {"date": due, "label": deadline_label(due, today), "overdue": late}


class DeadlineColumn(Column):
    """The row's ``due`` annotation as a badge: ``badge(due, today)`` is the app's
    ``deadline_badge`` (today may be None: the app's clock), drawn by its
    ``badge_template``, which reads ``badge``."""

    cell_template_name = "core/admin/deadline_cell.html"

    def __init__(self, *args, badge, badge_template: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.badge = badge
        self.badge_template = badge_template

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["badge"] = self.badge(instance.due, parent_context.get("today"))
        return context


def queue_links(user, current: str, queues) -> list[dict]:
    """Tabs between the ``queues`` (``(url name, label, allowed(user))``) this
    user may open; ``current`` is the URL name of the page shown."""
    return [
        {"url": reverse(name), "label": label, "current": name == current}
        for name, label, allowed in queues
        if allowed(user)
    ]


def queue_paths(prefix: str, view_class, name: str) -> list:
    """A queue's page and its results-only twin (the filter drawer's refresh)."""
    return [
        path(prefix, view_class.as_view(), name=name),
        path(
            f"{prefix}hasil/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


class CaseQueueView(BaseListingView):
    """One queue of cases (reports, information requests). Subclasses set
    ``queues``, ``date_field``, ``index_url_name``, ``index_results_url_name`` and
    implement ``user_may_view`` and ``today``; ``scope`` narrows the rows."""

    paginate_by = 50
    is_searchable = True
    # The second sort key under a deadline ordering: when the case came in.
    date_field = ""
    queues: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_may_view(self, user) -> bool:
        raise NotImplementedError

    def today(self):
        """Today by the app's clock (tests move it)."""
        raise NotImplementedError

    def scope(self, queryset):
        return queryset

    def order_queryset(self, queryset):
        # Cases without a deadline go last either way; pk keeps pages stable.
        if self.ordering == "due":
            due = F("due").asc(nulls_last=True)
            return queryset.order_by(due, self.date_field, "pk")
        if self.ordering == "-due":
            due = F("due").desc(nulls_last=True)
            return queryset.order_by(due, self.date_field, "pk")
        return queryset.order_by(self.ordering, "pk")

    def get_index_url(self):
        return reverse(self.index_url_name)

    def get_index_results_url(self):
        return reverse(self.index_results_url_name)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["today"] = self.today()
        context["queue_links"] = queue_links(
            self.request.user, self.index_url_name, self.queues
        )
        return context
