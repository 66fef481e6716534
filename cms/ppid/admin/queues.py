"""The queues: "Masuk" and "Semua" for PPID Utama, "OPD saya" for an OPD's PPID
Pelaksana, "Keberatan" for the superior (Atasan PPID). Wagtail's generic listing
(table, pagination, search box, filter drawer) over ``requests_for(user)``.

A page costs the same number of queries at any size: the OPDs are joined and the
deadline is one annotation (``filters.with_deadline``).
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView

from cms.core import queue_admin
from cms.core.queue_admin import CaseQueueView, DeadlineColumn
from cms.ppid import clock
from cms.ppid.models import Objection
from cms.ppid.selectors import requests_for

from .filters import UNDECIDED, RequestFilterSet, with_deadline
from .roles import is_atasan, is_pelaksana, is_utama, opd_ids

APP = _("Layanan Informasi")


def deadline_badge(due, today=None) -> dict | None:
    """``queue_admin.deadline_badge``, today by the PPID clock by default."""
    return queue_admin.deadline_badge(due, today or clock.today())


def opd_name(request) -> str:
    opd = request.assigned_opd or request.addressed_opd
    return opd.title if opd else _("PPID Utama")


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
        DeadlineColumn(
            "due",
            label=_("Batas waktu"),
            sort_key="due",
            badge=deadline_badge,
            badge_template="ppid/admin/_deadline.html",
        ),
        DateColumn("filed_at", label=_("Diterima"), sort_key="filed_at"),
    ]


QUEUES = (
    ("ppid_admin:masuk", _("Masuk"), is_utama),
    ("ppid_admin:semua", _("Semua"), is_utama),
    ("ppid_admin:opd", _("OPD saya"), is_pelaksana),
    ("ppid_admin:keberatan", _("Keberatan"), is_atasan),
)


class QueueView(CaseQueueView):
    """One queue; subclasses say whose and which requests."""

    template_name = "ppid/admin/queue.html"
    header_icon = "info-circle"
    filterset_class = RequestFilterSet
    default_ordering = "-filed_at"
    verbose_name = _("permohonan")
    verbose_name_plural = _("permohonan")
    breadcrumbs_items = BaseListingView.breadcrumbs_items + [{"url": "", "label": APP}]
    date_field = "filed_at"
    queues = QUEUES

    def today(self):
        return clock.today()

    def user_may_view(self, user) -> bool:
        return is_utama(user)

    @cached_property
    def columns(self):
        return request_columns()

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "with_opd": is_utama(self.request.user),
        }

    def get_base_queryset(self):
        queryset = self.scope(requests_for(self.request.user))
        return with_deadline(queryset.select_related("assigned_opd", "addressed_opd"))

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        text = self.search_query.strip()
        return queryset.filter(
            Q(register_number__icontains=text)
            | Q(information_requested__icontains=text)
        )


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
