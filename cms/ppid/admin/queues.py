"""The queues: "Masuk" and "Semua" for PPID Utama, "OPD saya" for an OPD's PPID
Pelaksana, "Keberatan" for the superior (Atasan PPID). Wagtail's generic listing
(table, pagination, search box, filter drawer) over ``requests_for(user)``.

A page costs the same number of queries at any size: the OPDs are joined and the
deadline is one annotation (``filters.with_deadline``).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView

from cms.core.workdays import deadline_label, remaining_working_days
from cms.ppid import clock
from cms.ppid.models import Objection
from cms.ppid.selectors import requests_for

from .filters import UNDECIDED, RequestFilterSet, with_deadline
from .roles import is_atasan, is_pelaksana, is_utama, opd_ids

APP = _("Layanan Informasi")


def deadline_badge(due, today=None) -> dict | None:
    """The deadline badge: its text and whether it is overdue (then styled as
    critical, with the word "terlambat" and an icon: not colour alone)."""
    if due is None:
        return None
    today = today or clock.today()
    late = remaining_working_days(due, today) < 0
    return {"date": due, "label": deadline_label(due, today), "overdue": late}


def opd_name(request) -> str:
    opd = request.assigned_opd or request.addressed_opd
    return opd.title if opd else _("PPID Utama")


class DeadlineColumn(Column):
    cell_template_name = "ppid/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["badge"] = deadline_badge(instance.due, parent_context.get("today"))
        return context


def request_columns() -> list:
    return [
        TitleColumn(
            "register_number",
            label=_("Nomor registrasi"),
            get_url=lambda r: reverse("ppid_admin:detail", args=[r.pk]),
            sort_key="register_number",
            classname="ppid-code",
        ),
        Column(
            "information_requested",
            label=_("Informasi yang diminta"),
            accessor=lambda r: Truncator(r.information_requested).words(16),
        ),
        Column("opd", label=_("OPD"), accessor=opd_name),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda r: r.status in UNDECIDED,
        ),
        Column(
            "decision",
            label=_("Keputusan"),
            accessor=lambda r: r.get_decision_display() or "—",
        ),
        DeadlineColumn("due", label=_("Batas waktu"), sort_key="due"),
        DateColumn("filed_at", label=_("Diterima"), sort_key="filed_at"),
    ]


class QueueView(BaseListingView):
    """One queue; subclasses say whose and which requests."""

    template_name = "ppid/admin/queue.html"
    header_icon = "info-circle"
    paginate_by = 50
    is_searchable = True
    filterset_class = RequestFilterSet
    default_ordering = "-filed_at"
    verbose_name = _("permohonan")
    verbose_name_plural = _("permohonan")
    breadcrumbs_items = BaseListingView.breadcrumbs_items + [{"url": "", "label": APP}]

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_may_view(self, user) -> bool:
        return is_utama(user)

    @cached_property
    def columns(self):
        return request_columns()

    def scope(self, queryset):
        return queryset

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "with_opd": is_utama(self.request.user),
        }

    def get_base_queryset(self):
        queryset = self.scope(requests_for(self.request.user))
        return with_deadline(queryset.select_related("assigned_opd", "addressed_opd"))

    def order_queryset(self, queryset):
        # Requests without a deadline go last either way; pk keeps pages stable.
        if self.ordering == "due":
            return queryset.order_by(F("due").asc(nulls_last=True), "filed_at", "pk")
        if self.ordering == "-due":
            return queryset.order_by(F("due").desc(nulls_last=True), "filed_at", "pk")
        return queryset.order_by(self.ordering, "pk")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        text = self.search_query.strip()
        return queryset.filter(
            Q(register_number__icontains=text)
            | Q(information_requested__icontains=text)
        )

    def get_index_url(self):
        return reverse(self.index_url_name)

    def get_index_results_url(self):
        return reverse(self.index_results_url_name)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["today"] = clock.today()
        context["queue_links"] = queue_links(self.request.user, self.index_url_name)
        return context


class IncomingQueueView(QueueView):
    """Registered and not yet assigned to an OPD, oldest first."""

    page_title = _("Permohonan masuk")
    default_ordering = "filed_at"
    index_url_name = "ppid_admin:masuk"
    index_results_url_name = "ppid_admin:masuk_results"

    def scope(self, queryset):
        return queryset.filter(status="diterima", assigned_opd__isnull=True)


class AllRequestsView(QueueView):
    page_title = _("Semua permohonan")
    index_url_name = "ppid_admin:semua"
    index_results_url_name = "ppid_admin:semua_results"


class OPDQueueView(QueueView):
    """The requests the user's OPDs answer for, the nearest deadline first."""

    page_title = _("Permohonan untuk OPD saya")
    default_ordering = "due"
    index_url_name = "ppid_admin:opd"
    index_results_url_name = "ppid_admin:opd_results"

    def user_may_view(self, user) -> bool:
        return is_pelaksana(user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "with_opd": False}

    def scope(self, queryset):
        # Explicit even for a user who is also PPID Utama: this queue is their OPD's.
        mine = opd_ids(self.request.user)
        return queryset.filter(
            Q(assigned_opd__in=mine)
            | Q(assigned_opd__isnull=True, addressed_opd__in=mine)
        )


class ObjectionQueueView(QueueView):
    """Requests with an objection (keberatan), the nearest answer deadline first."""

    page_title = _("Keberatan")
    default_ordering = "due"
    index_url_name = "ppid_admin:keberatan"
    index_results_url_name = "ppid_admin:keberatan_results"

    def user_may_view(self, user) -> bool:
        return is_atasan(user)

    def scope(self, queryset):
        return queryset.filter(Exists(Objection.objects.filter(request=OuterRef("pk"))))


QUEUES = (
    ("ppid_admin:masuk", _("Masuk"), is_utama),
    ("ppid_admin:semua", _("Semua"), is_utama),
    ("ppid_admin:opd", _("OPD saya"), is_pelaksana),
    ("ppid_admin:keberatan", _("Keberatan"), is_atasan),
)


def queue_links(user, current: str) -> list[dict]:
    """Tabs between the queues this user may open."""
    return [
        {"url": reverse(name), "label": label, "current": name == current}
        for name, label, allowed in QUEUES
        if allowed(user)
    ]
