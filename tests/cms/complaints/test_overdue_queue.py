"""The admin's "terlambat" filter reads the stored next deadline: exactly the
reports past it, across a weekend and a national holiday, at the same number of
queries whatever the queue's size."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse_lazy

from cms.complaints import services
from cms.complaints.models import Report
from cms.complaints.public import current_deadline
from cms.core.models import Holiday
from cms.core.workdays import remaining_working_days
from tests.factories.complaints import add_category, add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

SEMUA = reverse_lazy("complaints_admin:semua")
MASUK = reverse_lazy("complaints_admin:masuk")
OPD_QUEUE = reverse_lazy("complaints_admin:opd")
CODE = re.compile(r"\b[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}\b")
# March 2028 (beyond the shipped calendar): Thu 2, Fri 3, weekend 4-5, Mon 6 a
# national holiday, Tue 7.
THU, FRI, SAT, MON, TUE = (date(2028, 3, d) for d in (2, 3, 4, 6, 7))


@pytest.fixture
def holiday_monday(db):
    Holiday.objects.create(date=MON, name="Libur uji", kind="libur_nasional")


def codes(client, url, **params) -> set[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return set(CODE.findall(response.content.decode()))


def test_overdue_filter_across_a_weekend_and_a_holiday(
    client, opds, clock_at, holiday_monday
):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    team = verifier()
    clock_at(2028, 2, 25, 9)  # a Friday: first responses due Fri 3 March
    answered_one = add_report(opds=[dinkes, bpbd], by=team)
    services.respond(answered_one, liaison_of(dinkes), dinkes, "Kami periksa.")
    answered_all = add_report(opds=[dinkes], by=team)
    services.respond(answered_all, liaison_of(dinkes), dinkes, "Sudah ditangani.")
    waiting_opd = add_report(opds=[bpbd], by=team)
    reports = {
        "verify_thu": add_report(verify_due=THU),
        "verify_fri": add_report(verify_due=FRI),
        "verify_tue": add_report(verify_due=TUE),
        "answered_one": answered_one,  # BPBD still owes its answer (due Fri)
        "answered_all": answered_all,  # nothing owed
        "waiting_opd": waiting_opd,  # due Fri
        "archived": add_report(status="arsip", verify_due=THU),
    }
    assert {r.due_on for r in Report.objects.all()} == {THU, FRI, TUE, None}
    client.force_login(team)

    expected = {
        FRI: {"verify_thu"},
        # Nothing due Friday is late before a working day has passed: not on the
        # weekend, not on the holiday.
        SAT: {"verify_thu"},
        MON: {"verify_thu"},
        TUE: {"verify_thu", "verify_fri", "answered_one", "waiting_opd"},
        date(2028, 3, 8): set(reports) - {"answered_all", "archived"},
    }
    for today, names in expected.items():
        clock_at(today.year, today.month, today.day, 8)
        # The rule the badges and reminders use, computed per report.
        late = {
            name
            for name, report in reports.items()
            if (due := current_deadline(Report.objects.get(pk=report.pk)))
            and remaining_working_days(due, today) < 0
        }
        assert late == names, today
        wanted = {reports[name].tracking_code for name in names}
        assert codes(client, SEMUA, overdue="ya") == wanted, today
        everyone = {r.tracking_code for r in reports.values()}
        assert codes(client, SEMUA, overdue="tidak") == everyone - wanted, today
        masuk = {reports[n].tracking_code for n in names if n.startswith("verify")}
        assert codes(client, MASUK, overdue="ya") == masuk, today


def _queries(client, url) -> int:
    client.get(url)  # warm: sessions, content types, holidays
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_filtered_queue_queries_do_not_grow(client, opds, clock_at, settings):
    settings.HOLIDAYS_RECHECK_SECONDS = 3600  # no holiday re-check mid-test
    team, nakes = verifier(), liaison_of(opds["dinkes"])
    category = add_category()

    def fill(count):
        clock_at(2028, 2, 1, 9)  # everything due in February: late in March
        for n in range(count):
            opd_list = [[opds["dinkes"]], [opds["dinkes"], opds["bpbd"]], []][n % 3]
            add_report(category=category, opds=opd_list, by=team)
        clock_at(2028, 3, 1, 9)

    urls = {
        team: [
            f"{SEMUA}?overdue=ya",
            f"{SEMUA}?overdue=ya&ordering=due",
            f"{SEMUA}?ordering=-due",
            f"{MASUK}?overdue=ya",
        ],
        nakes: [f"{OPD_QUEUE}?overdue=ya", f"{OPD_QUEUE}?ordering=due"],
    }
    fill(6)
    small = {}
    for user, paths in urls.items():
        client.force_login(user)
        small.update({url: _queries(client, url) for url in paths})
    fill(42)
    assert len(codes(client, f"{OPD_QUEUE}?overdue=ya")) == 32  # every Dinkes one
    for user, paths in urls.items():
        client.force_login(user)
        for url in paths:
            assert _queries(client, url) == small[url], url
