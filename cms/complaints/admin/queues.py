"""The queues: "Masuk" and "Semua" for the verification team, "Didisposisikan ke
OPD saya" for an OPD's liaisons. Wagtail's generic listing (table, pagination,
search box, filter drawer) over ``selectors.reports_for(user)``.

The page costs the same number of queries at any size: the category is joined, the
next deadline is a stored, indexed column (a per-OPD subquery in a liaison's queue)
and the OPD names come in one prefetch.
"""

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView

from cms.complaints import clock
from cms.complaints.codes import normalise_code
from cms.complaints.models import Disposition, Status
from cms.complaints.selectors import reports_for
from cms.core import queue_admin
from cms.core.queue_admin import CaseQueueView, DeadlineColumn

from .filters import VERIFY_STATUSES, ReportFilterSet, with_deadline
from .roles import is_liaison, is_verifier, liaison_opds

# Statuses where someone still owes the next step: shown as a "primary" tag.
OPEN_STATUSES = {
    Status.BARU,
    Status.PERLU_INFO,
    Status.DISPOSISI,
    Status.TINDAK_LANJUT,
}


def deadline_badge(due, today=None) -> dict | None:
    """``queue_admin.deadline_badge``, today by the complaints clock by default."""
    return queue_admin.deadline_badge(due, today or clock.today())


def opd_names(report) -> str:
    return ", ".join(d.opd.title for d in report.active_dispositions)


def report_columns(detail_url_name: str) -> list:
    return [
        TitleColumn(
            "tracking_code",
            label=_("Kode"),
            get_url=lambda report: reverse(detail_url_name, args=[report.pk]),
            sort_key="tracking_code",
            classname="aduan-code",
        ),
        Column("title", label=_("Judul")),
        Column("category", label=_("Kategori"), accessor="category.name"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda report: report.status in OPEN_STATUSES,
        ),
        Column("opds", label=_("OPD"), accessor=opd_names),
        DeadlineColumn(
            "due",
            label=_("Batas waktu"),
            sort_key="due",
            badge=deadline_badge,
            badge_template="complaints/admin/_deadline.html",
        ),
        DateColumn("submitted_at", label=_("Diterima"), sort_key="submitted_at"),
    ]


QUEUES = (
    ("complaints_admin:masuk", _("Masuk"), is_verifier),
    ("complaints_admin:semua", _("Semua"), is_verifier),
    (
        "complaints_admin:opd",
        _("Didisposisikan ke OPD saya"),
        lambda user: is_liaison(user),
    ),
)


class QueueView(CaseQueueView):
    """One queue; subclasses say whose and which reports."""

    template_name = "complaints/admin/queue.html"
    header_icon = "comment"
    filterset_class = ReportFilterSet
    default_ordering = "-submitted_at"
    verbose_name = _("laporan")
    verbose_name_plural = _("laporan")
    detail_url_name = "complaints_admin:detail"
    breadcrumbs_items = BaseListingView.breadcrumbs_items + [
        {"url": "", "label": _("Aduan Masyarakat")}
    ]
    date_field = "submitted_at"
    queues = QUEUES

    def today(self):
        return clock.today()

    def user_may_view(self, user) -> bool:
        return is_verifier(user)

    @cached_property
    def columns(self):
        return report_columns(self.detail_url_name)

    def deadline_opds(self):
        return None

    def get_base_queryset(self):
        active = Disposition.objects.filter(active=True).select_related("opd")
        queryset = self.scope(reports_for(self.request.user))
        queryset = queryset.select_related("category").prefetch_related(
            Prefetch(
                "dispositions",
                queryset=active.order_by("opd__title"),
                to_attr="active_dispositions",
            )
        )
        return with_deadline(queryset, self.deadline_opds())

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        text = self.search_query.strip()
        match = Q(title__icontains=text) | Q(tracking_code__icontains=text.upper())
        code = normalise_code(text)
        if code:  # typed without the dash or in lower case
            match |= Q(tracking_code=code)
        return queryset.filter(match)


class IncomingQueueView(QueueView):
    """Waiting for verification, oldest first: the 3-working-day clock is running."""

    page_title = _("Aduan masuk")
    default_ordering = "submitted_at"
    index_url_name = "complaints_admin:masuk"
    index_results_url_name = "complaints_admin:masuk_results"

    def scope(self, queryset):
        return queryset.filter(status__in=VERIFY_STATUSES)


class AllReportsView(QueueView):
    page_title = _("Semua aduan")
    index_url_name = "complaints_admin:semua"
    index_results_url_name = "complaints_admin:semua_results"


class OPDQueueView(QueueView):
    """Reports with an active disposition to one of the liaison's OPDs, the nearest
    deadline first; the deadline shown is their own OPD's."""

    page_title = _("Didisposisikan ke OPD saya")
    default_ordering = "due"
    index_url_name = "complaints_admin:opd"
    index_results_url_name = "complaints_admin:opd_results"

    def user_may_view(self, user) -> bool:
        return is_liaison(user)

    @cached_property
    def opds(self):
        return liaison_opds(self.request.user)

    def deadline_opds(self):
        return self.opds

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "opds": self.opds}

    def scope(self, queryset):
        disposed = Disposition.objects.filter(active=True, opd__in=self.opds)
        return queryset.filter(pk__in=disposed.values("report_id"))
