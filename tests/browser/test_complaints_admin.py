"""The complaints screens of the admin in a real browser: no CSP violation, no
serious axe violation in our own content (Wagtail's furniture is Wagtail's), an
action form that opens without JavaScript of ours, and screenshots for people to
look at (var/screenshots/admin-aduan-*.png)."""

import pytest

from .admin_login import session_cookie
from .axe import admin_screenshots, blocking_violations
from .axe import report as axe_report
from .conftest import DESKTOP, MOBILE
from .test_csp import violations, watched_page

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def complaint(portal, django_db_blocker):
    """A verifier's session cookie and one report disposed to Dinkes with an
    overdue first response, committed for the live server; removed afterwards."""
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile

    from cms.complaints import clock
    from cms.complaints.deadlines import resync
    from cms.complaints.models import Category, Disposition, Report
    from cms.complaints.uploads import validate_uploads
    from tests.factories import picture_bytes
    from tests.factories.complaints import add_category, add_report, verifier

    with django_db_blocker.unblock():
        team = verifier("browser.verifikator")
        category = add_category("Infrastruktur jalan", opd=portal.opds["dinkes"])
        photo = SimpleUploadedFile("jalan.png", picture_bytes(60, 40, (90, 90, 90)))
        report = add_report(
            category=category,
            title="Jalan provinsi berlubang di depan puskesmas",
            privacy="rahasia",
            opds=[portal.opds["dinkes"], portal.opds["bpbd"]],
            uploads=validate_uploads([photo]),
            by=team,
        )
        Disposition.objects.filter(report=report).update(
            first_response_due=clock.today() - timedelta(days=14)
        )
        resync(queryset=Report.objects.filter(pk=report.pk))  # row written directly
        add_report(category=category, title="Laporan baru menunggu verifikasi")
        cookie = session_cookie(team, portal.server.url)
    yield {
        "report": report,
        "cookie": cookie,
    }
    with django_db_blocker.unblock():
        Report.objects.filter(category=category).delete()
        Category.objects.filter(pk=category.pk).delete()
        team.delete()


def _pages(report):
    return {
        "masuk": "/admin/aduan/masuk/",
        "semua": "/admin/aduan/semua/",
        "detail": f"/admin/aduan/{report.pk}/",
        "disposisi": f"/admin/aduan/{report.pk}/aksi/disposisi/",
    }


def test_complaint_screens_report_no_csp_violation(open_page, complaint):
    page, console = watched_page(open_page)
    page.context.add_cookies([complaint["cookie"]])
    found = []
    for path in _pages(complaint["report"]).values():
        response = page.goto(path)
        assert response.ok, f"{path}: HTTP {response.status}"
        found += violations(page)
    # An action form opens in place (a <details>): no script of ours needed.
    page.goto(_pages(complaint["report"])["detail"])
    page.get_by_text("Disposisikan ulang", exact=True).first.click()
    assert page.get_by_label("Catatan internal").is_visible()
    found += violations(page)
    assert not found + console, "\n".join(found + console)


def test_complaint_screens_accessible(open_page, complaint, screenshots):
    report = complaint["report"]
    failures = []
    for name, path in _pages(report).items():
        for label, viewport in (("1280", DESKTOP), ("375", MOBILE)):
            page = open_page(viewport)
            page.context.add_cookies([complaint["cookie"]])
            assert page.goto(path).ok
            if name == "semua":
                # Overdue is said in words, not by colour alone.
                badge = page.locator(".aduan-deadline--overdue").first
                assert "terlambat" in badge.inner_text()
            shot = screenshots / f"admin-aduan-{name}-{label}.png"
            admin_screenshots(page, shot, viewport)
            blocking = blocking_violations(page, main_only=True)
            if blocking:
                failures.append(axe_report(f"{path} at {label} px", blocking))
    assert not failures, "\n\n".join(failures)
