"""The queues' deadline annotation and their filters (django-filter, as Wagtail's
own listings use them: they appear in the header's filter drawer)."""

import django_filters
from django import forms
from django.db.models import Case, DateField, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from cms.core.queue_filters import OPDFilter, OverdueFilter
from cms.opd.models import OPDPage
from cms.ppid import clock
from cms.ppid.models import InformationRequest, Objection

UNDECIDED = ("diterima", "diproses")


def _choices(field: str):
    return InformationRequest._meta.get_field(field).choices


def with_deadline(queryset):
    """Annotate ``due``: what ``selectors.deadline`` says, as one expression: the
    open objection's due date while one is open, else ``due_on`` while the
    request is undecided, else None (a stored, indexed column and one subquery,
    so a page costs the same at any size)."""
    open_objection = (
        Objection.objects.filter(request=OuterRef("pk"), answered_at__isnull=True)
        .order_by("due_on")
        .values("due_on")[:1]
    )
    undecided = Case(
        When(status__in=UNDECIDED, then=F("due_on")),
        default=None,
        output_field=DateField(),
    )
    return queryset.annotate(
        due=Coalesce(Subquery(open_objection, output_field=DateField()), undecided)
    )


def _years():
    years = (
        InformationRequest.objects.order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return [(year, str(year)) for year in years]


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=lambda: _choices("status"),
        empty_label=_("Semua"),
        widget=forms.RadioSelect,
    )
    decision = django_filters.ChoiceFilter(
        label=_("Keputusan"),
        choices=lambda: [c for c in _choices("decision") if c[0]],
        empty_label=_("Semua"),
        widget=forms.RadioSelect,
    )
    opd = OPDFilter(
        label=_("OPD"),
        queryset=OPDPage.objects.order_by("title"),
        empty_label=_("Semua"),
        method="filter_opd",
    )
    overdue = OverdueFilter(today=clock.today)
    year = django_filters.ChoiceFilter(
        label=_("Tahun"), choices=_years, empty_label=_("Semua")
    )

    class Meta:
        model = InformationRequest
        fields = ["status", "decision", "opd", "overdue", "year"]

    def __init__(self, *args, with_opd=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_opd:  # a PPID Pelaksana's queue is one OPD's already
            del self.filters["opd"]

    def filter_opd(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(assigned_opd=value) | Q(assigned_opd__isnull=True, addressed_opd=value)
        )
