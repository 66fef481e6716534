"""The queue's deadline annotation and its filters (django-filter, as Wagtail's own
listings use them: they appear in the header's filter drawer)."""

import django_filters
from django import forms
from django.db.models import Case, DateField, F, OuterRef, Subquery, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from cms.complaints import clock
from cms.complaints.models import Category, Disposition, Kind, Report, Status
from cms.core.queue_filters import OPDFilter, OverdueFilter
from cms.opd.models import OPDPage

VERIFY_STATUSES = (Status.BARU, Status.PERLU_INFO)
RESPONSE_STATUSES = (Status.DISPOSISI, Status.TINDAK_LANJUT)


def with_deadline(queryset, opds=None):
    """Annotate ``due``: the date the next step is owed by, or None.

    For the province team, the report's stored next deadline (``Report.due_on``,
    indexed): verification, the earliest pending first response, or the
    reporter's time to confirm. For a liaison's queue (``opds``), the earliest
    pending first response of THEIR OPDs only (another OPD's lateness is not
    theirs): a subquery over a queue already narrowed to their dispositions.
    """
    if opds is None:
        return queryset.annotate(due=F("due_on"))
    first_due = (
        Disposition.objects.filter(
            report=OuterRef("pk"),
            active=True,
            first_response_at__isnull=True,
            opd__in=opds,
        )
        .order_by("first_response_due")
        .values("first_response_due")
    )
    return queryset.annotate(
        due=Case(
            When(status__in=RESPONSE_STATUSES, then=Subquery(first_due[:1])),
            default=None,
            output_field=DateField(),
        )
    )


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        empty_label=_("Semua"),
        widget=forms.RadioSelect,
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Kategori"),
        queryset=Category.objects.order_by("sort_order", "name"),
        empty_label=_("Semua"),
    )
    opd = OPDFilter(
        label=_("OPD"),
        queryset=OPDPage.objects.order_by("title"),
        empty_label=_("Semua"),
        method="filter_opd",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Jenis"),
        choices=Kind.choices,
        empty_label=_("Semua"),
        widget=forms.RadioSelect,
    )
    overdue = OverdueFilter(today=clock.today)

    class Meta:
        model = Report
        fields = ["status", "category", "opd", "kind", "overdue"]

    def __init__(self, *args, opds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if opds is not None:  # a liaison chooses among their own OPDs only
            self.filters["opd"].queryset = opds.order_by("title")

    def filter_opd(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            pk__in=Disposition.objects.filter(opd=value, active=True).values(
                "report_id"
            )
        )
