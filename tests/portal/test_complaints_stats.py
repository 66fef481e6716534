"""/lapor/statistik/: per-OPD complaint statistics, counts and times only."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.complaints import services
from cms.complaints.models import Disposition, Report
from cms.complaints.stats import CACHE_KEY, all_statistics, opd_statistics
from tests.factories.complaints import add_report, liaison_of, verifier
from tests.factories.pages import make_opds

from .helpers import html_of, soup

pytestmark = pytest.mark.django_db

URL = "/lapor/statistik/"
JAKARTA = ZoneInfo("Asia/Jakarta")
# October 2026 has no national holiday: Mon 5th .. Mon 12th is 5 working days.
MONDAY = datetime(2026, 10, 5, 9, 0, tzinfo=JAKARTA)


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 10, day, hour, 0, tzinfo=JAKARTA)


def answer(report, opd, on_day=None, due=date(2026, 10, 9)):
    """``opd`` answers ``report`` (through the service), then the disposition is
    moved to fixed dates: disposed Monday 5 October, due ``due``."""
    if on_day:
        services.respond(report, liaison_of(opd), opd, "Sedang kami tangani.")
    Disposition.objects.filter(report=report, opd=opd).update(
        disposed_at=MONDAY,
        first_response_due=due,
        first_response_at=at(on_day) if on_day else None,
    )


@pytest.fixture(autouse=True)
def fresh_statistics():
    """The page's figures are cached five minutes in the shared Redis."""
    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)


@pytest.fixture
def dataset():
    opds = make_opds()
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    team = verifier()
    r1 = add_report(opds=[dinkes, bpbd], by=team)
    r2 = add_report(opds=[dinkes], by=team)
    r3 = add_report(opds=[dinkes], by=team)
    spam = add_report(opds=[dinkes], by=team)
    add_report()  # not disposed yet: counted for the province only
    answer(r1, dinkes, on_day=7)  # 2 working days, on time
    answer(r1, bpbd, due=date(2099, 1, 1))  # not due yet: no verdict
    answer(r2, dinkes, on_day=12)  # 5 working days, late
    answer(r3, dinkes)  # silent past the deadline: late
    answer(spam, dinkes, on_day=6)
    for report, status, verify_due in [
        (r1, "selesai", date(2026, 10, 5)),
        (r2, "tindak_lanjut", date(2026, 10, 2)),  # verified late
        (r3, "disposisi", date(2026, 10, 7)),
        (spam, "spam", date(2026, 10, 7)),
    ]:
        Report.objects.filter(pk=report.pk).update(status=status, verify_due=verify_due)
    return {"dinkes": dinkes, "bpbd": bpbd, "reports": [r1, r2, r3, spam]}


def test_selector_numbers(dataset):
    stats = {item.opd_id: item for item in opd_statistics()}
    assert set(stats) == {dataset["dinkes"].pk, dataset["bpbd"].pk}
    dinkes = stats[dataset["dinkes"].pk]
    assert (dinkes.received, dinkes.resolved) == (3, 1)  # the spam one is left out
    assert dinkes.median_response_days == 3.5
    assert dinkes.on_time_share == pytest.approx(1 / 3)
    bpbd = stats[dataset["bpbd"].pk]
    assert (bpbd.received, bpbd.resolved) == (1, 1)
    assert bpbd.median_response_days is None and bpbd.on_time_share is None
    province = all_statistics()[1]
    assert province.received == 4
    assert province.verified_on_time_share == pytest.approx(2 / 3)


def test_page_shows_a_table_formatted_for_indonesia(dataset):
    response = Client().get(URL)
    page = soup(response)
    table = page.find("table")
    assert table.caption.get_text(strip=True)
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 5
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr("td")]
        for tr in table.tbody.find_all("tr")
    }
    assert rows == {
        dataset["bpbd"].title: ["1", "1", "—", "—"],
        dataset["dinkes"].title: ["3", "1", "3,5", "33%"],
    }
    numbers = [dd.get_text(strip=True) for dd in page.find_all("dd")]
    assert numbers == ["4", "67%"]
    assert response["Cache-Control"] in ("public, max-age=300", "max-age=300, public")


def test_page_never_shows_identity_or_report_text(dataset):
    text = html_of(Client().get(URL))
    for report in dataset["reports"]:
        for secret in (
            report.title,
            report.reporter_name,
            report.reporter_email,
            report.tracking_code,
            report.description[:30],
        ):
            assert secret not in text


def test_without_dispositions_says_so():
    page = soup(Client().get(URL))
    assert page.find("table") is None
    assert "Belum ada laporan yang diteruskan" in page.get_text()
    assert [dd.get_text(strip=True) for dd in page.find_all("dd")] == ["0", "—"]


def test_query_count_does_not_grow_with_reports(settings):
    # As in production (tests recheck the holiday table on every call): the
    # per-process memo answers working_days_between without a query.
    settings.HOLIDAYS_RECHECK_SECONDS = 3600
    opds = list(make_opds().values())
    team = verifier()

    def add(n):
        for i in range(n):
            opd = opds[i % len(opds)]
            report = add_report(opds=[opd], by=team)
            if i % 2:
                services.respond(report, liaison_of(opd), opd, "Ditangani.")

    def queries():
        cache.delete(CACHE_KEY)
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(URL).status_code == 200
        return len(captured)

    add(3)
    queries()  # loads the holiday memo
    few = queries()
    add(7)
    assert queries() == few


def test_figures_are_cached_five_minutes():
    team = verifier()
    opd = make_opds()["dinkes"]
    add_report(opds=[opd], by=team)
    first = soup(Client().get(URL))
    assert first.find("table") is not None
    add_report(opds=[opd], by=team)
    with CaptureQueriesContext(connection) as captured:
        again = soup(Client().get(URL))
    assert again.get_text() == first.get_text()  # the cached figures
    assert not any("complaints_disposition" in q["sql"] for q in captured)
    cache.delete(CACHE_KEY)
    assert soup(Client().get(URL)).get_text() != first.get_text()
