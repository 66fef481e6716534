"""Statutory deadlines in working days of the shipped calendar
(cms/core/data/holidays.json): weekends, national holidays, cuti bersama."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cms.core.workdays import deadline_label
from cms.ppid import selectors, services

pytestmark = pytest.mark.django_db


def test_filed_the_day_before_the_idul_fitri_2026_holidays(file_request, clock_at):
    # 18-24 March 2026: cuti bersama Nyepi, Nyepi, cuti bersama and Idul Fitri,
    # the weekend, two more days of cuti bersama; 3 April is Good Friday.
    clock_at(2026, 3, 17)
    request = file_request()
    assert request.filed_on == date(2026, 3, 17)
    assert request.due_on == date(2026, 4, 8)
    assert deadline_label(request.due_on, date(2026, 3, 17)) == "sisa 10 hari kerja"
    assert deadline_label(request.due_on, date(2026, 3, 24)) == "sisa 10 hari kerja"
    assert deadline_label(request.due_on, date(2026, 4, 8)) == "jatuh tempo hari ini"
    assert deadline_label(request.due_on, date(2026, 4, 9)) == "terlambat 1 hari kerja"


def test_filed_during_the_holiday_counts_from_the_next_working_day(
    file_request, clock_at
):
    clock_at(2026, 3, 20)  # cuti bersama Idul Fitri: received on 25 March
    assert file_request().due_on == date(2026, 4, 9)


def test_filed_on_a_saturday_counts_from_monday(file_request, clock_at):
    clock_at(2026, 7, 3)  # Friday
    friday = file_request()
    clock_at(2026, 7, 4)  # Saturday: received Monday 6 July
    saturday = file_request()
    assert friday.due_on == date(2026, 7, 17)
    assert saturday.due_on == date(2026, 7, 20)


def test_an_extension_across_the_2026_year_end(opds, people, file_request, clock_at):
    clock_at(2026, 12, 7)
    request = file_request(addressed_opd=opds["dinkes"])
    assert request.due_on == date(2026, 12, 21)
    clock_at(2026, 12, 21)  # the last day it may still be extended
    services.request_extend(
        request=request, reason="Arsip di gudang UPTD.", user=people["dinkes"]
    )
    # 24 Dec cuti bersama, 25 Dec Christmas, 1 Jan New Year, two weekends.
    assert request.due_on == date(2027, 1, 4)
    assert selectors.deadline(request) == date(2027, 1, 4)


def test_objection_window_after_a_missed_deadline(opds, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])  # due 20 July
    assert services.objection_window(request, date(2026, 7, 20)) is None
    assert services.objection_window(request, date(2026, 7, 21)) == date(
        2026, 9, 2
    )  # 30 working days after 20 July (17 and 25 August are holidays)
    clock_at(2026, 7, 10)
    with pytest.raises(ValidationError) as error:  # nothing to object to yet
        services.objection_file(
            request=request, token=request.token, grounds=["c"], reason="Belum."
        )
    assert error.value.code == "too_early"
    clock_at(2026, 9, 2)
    objection = services.objection_file(
        request=request, token=request.token, grounds=["c", "g"], reason="Tak dijawab."
    )
    assert objection.grounds == ["c", "g"]


def test_changed_statutory_days_apply(settings, file_request, clock_at):
    settings.PPID_DECISION_DAYS = 5
    clock_at(2026, 7, 6)
    assert file_request().due_on == date(2026, 7, 13)
