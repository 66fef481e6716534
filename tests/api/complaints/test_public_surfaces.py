"""What the public sees of a report is decided once (``cms.complaints.public``): the
portal's tracking page, the mobile API and Open311 agree on which reports exist and
on the deadline shown; and a citizen has one submission budget whichever door."""

import json
import re

import pytest
from django.test import Client

from cms.complaints import services
from cms.complaints.models import Disposition
from tests.factories.complaints import add_report, liaison_of

pytestmark = pytest.mark.django_db

SURFACES = {
    "portal": "/lapor/lacak/?kode={code}",
    "api": "/api/v1/reports/{code}/",
    "open311": "/open311/v2/requests/{code}.json",
}


@pytest.mark.parametrize("surface", SURFACES)
def test_spam_is_not_found_on_any_surface(category, surface):
    spam = add_report(category=category, status="spam")
    shown = add_report(category=category)
    url = SURFACES[surface]
    assert Client().get(url.format(code=shown.tracking_code)).status_code == 200
    assert Client().get(url.format(code=spam.tracking_code)).status_code == 404


def test_deadline_of_a_followed_up_report_is_the_same_everywhere(category, opds):
    """Two OPDs: one answered (the report is ``tindak_lanjut``), the other still
    owes its first response: that is the deadline the public waits for."""
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    report = add_report(category=category, opds=[dinkes, bpbd])
    services.respond(report, liaison_of(dinkes), dinkes, "Sedang kami tangani.")
    report.refresh_from_db()
    assert report.status == "tindak_lanjut"
    due = Disposition.objects.get(report=report, opd=bpbd).first_response_due

    code = report.tracking_code
    api = Client().get(SURFACES["api"].format(code=code)).json()["deadline"]
    portal = Client().get(SURFACES["portal"].format(code=code)).content.decode()
    (open311,) = Client().get(SURFACES["open311"].format(code=code)).json()
    assert api["due"] == due.isoformat()
    assert re.search(rf'<time datetime="{due.isoformat()}"', portal)
    assert open311["expected_datetime"].startswith(due.isoformat())


def test_one_submission_budget_across_portal_and_api(category, report_rates):
    report_rates(report_submit="1/hour", report_submit_email="100/day")
    browser = Client(REMOTE_ADDR="198.51.100.77")
    form = {
        "kind": "pengaduan",
        "category": str(category.pk),
        "title": "Jalan berlubang di depan SDN 2 Cipocok",
        "description": "Lubang besar di tengah jalan sejak sebulan lalu.",
        "region": "36.73",
        "privacy": "anonim",
        "consent": "on",
        "situs_web": "",
    }
    assert browser.post("/lapor/", form).status_code == 302
    body = {
        "kind": "pengaduan",
        "category": category.slug,
        "title": "Lampu jalan padam di Jalan Raya Serang",
        "description": "Lampu jalan padam di seluruh ruas sejak pekan lalu.",
        "region": "36.04",
        "privacy": "anonim",
    }
    refused = browser.post(
        "/api/v1/reports/", json.dumps(body), content_type="application/json"
    )
    assert refused.status_code == 429


def test_one_email_budget_across_portal_and_open311(category, report_rates):
    report_rates(report_submit="100/hour", report_submit_email="1/day")
    email = "Warga.Sering@Example.org"
    form = {
        "kind": "pengaduan",
        "category": str(category.pk),
        "title": "Jalan berlubang di depan SDN 2 Cipocok",
        "description": "Lubang besar di tengah jalan sejak sebulan lalu.",
        "region": "36.73",
        "privacy": "biasa",
        "reporter_name": "Budi Santoso",
        "reporter_email": email,
        "consent": "on",
        "situs_web": "",
    }
    assert Client(REMOTE_ADDR="198.51.100.78").post("/lapor/", form).status_code == 302
    refused = Client(REMOTE_ADDR="203.0.113.78").post(
        "/open311/v2/requests.json",
        {
            "service_code": category.slug,
            "description": "Lampu jalan padam di seluruh ruas sejak pekan lalu.",
            "lat": "-6.1201",
            "long": "106.1502",
            "attribute[region]": "36.73",
            "first_name": "Budi",
            "last_name": "Santoso",
            "email": email.lower(),
        },
    )
    assert refused.status_code == 429
