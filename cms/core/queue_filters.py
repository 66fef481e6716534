"""Filters the complaints and PPID admin queues share (``cms.complaints.admin.
filters``, ``cms.ppid.admin.filters``): django-filter, as Wagtail's own listings
use them, so they appear in the header's filter drawer. Both read the ``due``
annotation each app's ``with_deadline`` puts on its queue."""

from datetime import date, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.core.workdays import is_working_day


def overdue_since(today: date) -> date:
    """Due dates before this one are overdue: the last working day up to today.
    (Due on Friday is not yet late on Saturday: no working day has passed.) The
    same rule as ``workdays.remaining_working_days(due) < 0``, as a date."""
    day = today
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


class OPDChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class OPDFilter(django_filters.ModelChoiceFilter):
    """An OPD, listed by its title."""

    field_class = OPDChoiceField


class OverdueFilter(django_filters.ChoiceFilter):
    """ "Melewati batas waktu": ya (due before ``overdue_since``) or tidak (no
    deadline, or not yet late). ``today`` is the app's clock, called per query so
    tests can move it."""

    def __init__(self, *, today, **kwargs):
        self.today = today
        kwargs.setdefault("label", _("Melewati batas waktu"))
        kwargs.setdefault("choices", [("ya", _("Ya")), ("tidak", _("Tidak"))])
        kwargs.setdefault("empty_label", _("Semua"))
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if value not in ("ya", "tidak"):
            return qs
        since = overdue_since(self.today())
        if value == "ya":
            return qs.filter(due__lt=since)
        return qs.filter(Q(due__isnull=True) | Q(due__gte=since))
