"""The working-day calendar: deadlines skip weekends, national holidays and cuti
bersama; an admin edit of the calendar counts at once."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cms.core import holiday_cache
from cms.core.holidays import read_data
from cms.core.models import Holiday
from cms.core.workdays import (
    add_working_days,
    deadline_label,
    is_working_day,
    remaining_working_days,
    working_days_between,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

# July 2026 has no holidays: plain weekdays and weekends.
FRI_JUL_3, MON_JUL_6, TUE_JUL_7, WED_JUL_8 = (date(2026, 7, d) for d in (3, 6, 7, 8))


def test_the_shipped_calendar_is_loaded():
    independence = Holiday.objects.get(date=date(2026, 8, 17))
    assert independence.kind == Holiday.Kind.LIBUR_NASIONAL
    assert Holiday.objects.get(date=date(2026, 3, 20)).kind == "cuti_bersama"
    assert not is_working_day(date(2026, 8, 17))
    assert not is_working_day(date(2025, 12, 26))  # cuti bersama Natal
    assert is_working_day(MON_JUL_6)
    assert not is_working_day(date(2026, 7, 4))  # Saturday
    years = {day.year for day in Holiday.objects.values_list("date", flat=True)}
    assert {2025, 2026, 2027} <= years


def test_the_data_file_is_consistent():
    kinds = {choice.value for choice in Holiday.Kind}
    for year in read_data():
        assert year["source"]
        days = [date.fromisoformat(item["date"]) for item in year["holidays"]]
        assert len(set(days)) == len(days)
        assert all(day.year == year["year"] for day in days)
        for item in year["holidays"]:
            assert item["kind"] in kinds and item["name"]


def test_deadlines_skip_weekends():
    assert add_working_days(FRI_JUL_3, 1) == MON_JUL_6
    assert add_working_days(FRI_JUL_3, 3) == WED_JUL_8
    assert add_working_days(MON_JUL_6, 10) == date(2026, 7, 20)


def test_three_working_days_from_the_thursday_before_a_friday_holiday():
    # Friday 16 January 2026 is Isra Mikraj.
    assert add_working_days(date(2026, 1, 15), 3) == date(2026, 1, 21)


def test_deadlines_skip_cuti_bersama():
    # 18 Mar cuti bersama, 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri (weekend),
    # 23-24 cuti bersama: the next working day after Tuesday 17 March is the 25th.
    assert add_working_days(date(2026, 3, 17), 1) == date(2026, 3, 25)
    # Kenaikan on Thursday 14 May, cuti bersama on Friday 15 May.
    assert add_working_days(date(2026, 5, 13), 1) == date(2026, 5, 18)


def test_zero_working_days_is_today_or_the_next_working_day():
    assert add_working_days(MON_JUL_6, 0) == MON_JUL_6
    assert add_working_days(date(2026, 7, 4), 0) == MON_JUL_6  # Saturday
    assert add_working_days(date(2026, 3, 18), 0) == date(2026, 3, 25)
    with pytest.raises(ValueError):
        add_working_days(MON_JUL_6, -1)


def test_working_days_between_both_directions():
    assert working_days_between(FRI_JUL_3, MON_JUL_6) == 1
    assert working_days_between(MON_JUL_6, FRI_JUL_3) == -1
    assert working_days_between(MON_JUL_6, MON_JUL_6) == 0
    assert working_days_between(FRI_JUL_3, date(2026, 7, 5)) == 0  # the weekend
    assert working_days_between(date(2026, 3, 17), date(2026, 3, 25)) == 1
    assert working_days_between(date(2026, 3, 25), date(2026, 3, 17)) == -1


def test_remaining_days_and_labels():
    assert remaining_working_days(WED_JUL_8, today=MON_JUL_6) == 2
    assert deadline_label(WED_JUL_8, today=MON_JUL_6) == "sisa 2 hari kerja"
    assert remaining_working_days(WED_JUL_8, today=WED_JUL_8) == 0
    assert deadline_label(WED_JUL_8, today=WED_JUL_8) == "jatuh tempo hari ini"
    assert remaining_working_days(FRI_JUL_3, today=TUE_JUL_7) == -2
    assert deadline_label(FRI_JUL_3, today=TUE_JUL_7) == "terlambat 2 hari kerja"
    # Without ``today``: the date in Jakarta.
    today = timezone.localdate()
    assert deadline_label(today) == "jatuh tempo hari ini"


@pytest.fixture
def long_memo(settings):
    """Production-like: the table is compared rarely, so only the writes' own
    invalidation can make an edit count at once."""
    settings.HOLIDAYS_RECHECK_SECONDS = 3600
    holiday_cache.forget()  # a cold memo: nothing left from earlier tests


def test_a_holiday_edit_counts_at_once(long_memo):
    assert add_working_days(MON_JUL_6, 1) == TUE_JUL_7  # memoised now
    holiday = Holiday.objects.create(date=TUE_JUL_7, name="Libur khusus")
    assert add_working_days(MON_JUL_6, 1) == WED_JUL_8
    holiday.date = WED_JUL_8
    holiday.save()
    assert add_working_days(MON_JUL_6, 1) == TUE_JUL_7
    assert add_working_days(MON_JUL_6, 2) == date(2026, 7, 9)
    Holiday.objects.filter(pk=holiday.pk).update(date=date(2026, 7, 9))
    assert add_working_days(MON_JUL_6, 2) == WED_JUL_8
    holiday.delete()
    assert is_working_day(date(2026, 7, 9))


def _insert_from_another_process(day):
    # Raw SQL: no save(), as a write made by another worker process looks here.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_holiday (date, name, kind, updated_at)"
            " VALUES (%s, 'Libur lain', 'libur_nasional', %s)",
            [day, timezone.now() + timedelta(seconds=1)],
        )


def test_a_write_by_another_process_is_seen_at_the_next_check(settings):
    settings.HOLIDAYS_RECHECK_SECONDS = 0  # every call compares the table
    assert is_working_day(TUE_JUL_7)
    _insert_from_another_process(TUE_JUL_7)
    assert not is_working_day(TUE_JUL_7)


def test_between_checks_the_memo_answers_and_a_save_here_resets_it(long_memo):
    assert is_working_day(TUE_JUL_7)
    _insert_from_another_process(TUE_JUL_7)
    assert is_working_day(TUE_JUL_7)  # not checked again yet
    Holiday.objects.create(date=WED_JUL_8, name="Libur khusus")
    assert not is_working_day(TUE_JUL_7)
    assert not is_working_day(WED_JUL_8)


def test_load_holidays_keeps_admin_edits_and_drops_superseded_estimates():
    Holiday.objects.filter(date=date(2026, 8, 17)).update(name="HUT RI ke-81")
    Holiday.objects.create(date=date(2026, 8, 18), name="Libur tambahan")
    Holiday.objects.create(date=date(2026, 8, 19), name="Maulid (perkiraan)")
    Holiday.objects.filter(date=date(2026, 12, 25)).delete()
    Holiday.objects.filter(date=date(2026, 8, 25)).update(name="Maulid (perkiraan)")
    call_command("load_holidays", verbosity=0)
    call_command("load_holidays", verbosity=0)
    assert Holiday.objects.get(date=date(2026, 8, 17)).name == "HUT RI ke-81"
    assert Holiday.objects.filter(date=date(2026, 8, 18)).exists()
    assert not Holiday.objects.filter(date=date(2026, 8, 19)).exists()
    assert Holiday.objects.filter(date=date(2026, 12, 25)).exists()  # restored
    assert (
        Holiday.objects.get(date=date(2026, 8, 25)).name == "Maulid Nabi Muhammad SAW"
    )
    shipped = sum(len(year["holidays"]) for year in read_data())
    assert Holiday.objects.count() == shipped + 1


def test_superusers_list_add_and_edit_holidays_in_the_admin(client, long_memo):
    client.force_login(UserFactory(superuser=True))
    listing = client.get(reverse("hari_libur:index"))
    assert listing.status_code == 200
    assert "Proklamasi Kemerdekaan" in listing.content.decode()
    response = client.post(
        reverse("hari_libur:add"),
        {"date": "2026-07-07", "name": "Libur daerah", "kind": "libur_nasional"},
    )
    assert response.status_code == 302
    assert not is_working_day(TUE_JUL_7)
    holiday = Holiday.objects.get(date=TUE_JUL_7)
    response = client.post(
        reverse("hari_libur:edit", args=[holiday.pk]),
        {"date": "2026-07-08", "name": "Libur daerah", "kind": "cuti_bersama"},
    )
    assert response.status_code == 302
    assert is_working_day(TUE_JUL_7)
    assert not is_working_day(WED_JUL_8)


def test_the_province_team_edits_holidays_and_editors_do_not(client):
    team, _ = Group.objects.get_or_create(name="Provinsi: Tim Komunikasi")
    team.permissions.add(Permission.objects.get(codename="access_admin"))
    call_command("load_holidays", verbosity=0)
    holiday = Holiday.objects.get(date=date(2026, 8, 17))
    edit_url = reverse("hari_libur:edit", args=[holiday.pk])

    client.force_login(UserFactory(groups=[team]))
    assert client.get(edit_url).status_code == 200

    outsider, _ = Group.objects.get_or_create(name="Editor lain")
    outsider.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(UserFactory(groups=[outsider]))
    response = client.get(edit_url)
    assert response.status_code in (302, 403)
    response = client.post(
        edit_url, {"date": "2026-08-17", "name": "x", "kind": "cuti_bersama"}
    )
    assert Holiday.objects.get(pk=holiday.pk).name != "x"
