"""The citizen's rules (cms/complaints/rules.py) are enforced by ``submit``
itself: a door that forgets to check (an app, a factory, a bench) still cannot
store a report that breaks them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cms.complaints.models import Report
from cms.complaints.rules import CONTACT_MISSING, report_errors
from tests.factories.complaints import add_category, add_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reporter_phone": "------"}, "reporter_phone"),
        ({"reporter_phone": "0812 345"}, "reporter_phone"),  # 7 digits
        ({"reporter_phone": "0812.3456.7890"}, "reporter_phone"),
        ({"reporter_email": "bukan surel"}, "reporter_email"),
        ({"latitude": -6.9, "longitude": 107.6}, "longitude"),  # Bandung
        ({"latitude": 6.12, "longitude": 106.15}, "latitude"),  # sign dropped
        ({"latitude": -6.12}, "longitude"),  # half a point
        ({"latitude": "abc", "longitude": 106.15}, "latitude"),
        ({"title": "Jln"}, "title"),
        ({"title": " " * 10}, "title"),
        ({"description": "Jalan rusak."}, "description"),
        ({"description": "x" * 5001}, "description"),
        ({"address": "x" * 301}, "address"),
        ({"region": "32.73"}, "region"),  # Kota Bandung
        ({"reporter_name": ""}, "reporter_name"),
        ({"reporter_email": "", "reporter_phone": ""}, "reporter_email"),
        ({"category": -1}, "category"),  # no such category
    ],
)
def test_submit_itself_refuses_each_rule(opds, change, field):
    with pytest.raises(ValidationError) as refused:
        add_report(**change)
    assert field in refused.value.error_dict, refused.value
    assert not Report.objects.exists()


def test_submit_refuses_a_retired_category(opds):
    category = add_category(active=False)
    with pytest.raises(ValidationError) as refused:
        add_report(category=category)
    assert "category" in refused.value.error_dict


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("-5.812", "106.28"),  # Pulau Tunda, Kab. Serang
        ("-6.99", "106.3"),  # Lebak's south coast
        ("-6.75", "105.21"),  # Ujung Kulon
        ("-6.29", "106.78"),  # Kota Tangerang Selatan
    ],
)
def test_every_corner_of_banten_is_inside(opds, latitude, longitude):
    report = add_report(latitude=latitude, longitude=longitude)
    assert report.latitude == Decimal(latitude)


def test_anonymous_reports_skip_identity_rules_and_keep_nothing(opds):
    data = {"privacy": "anonim", "reporter_phone": "------", "reporter_email": "x@"}
    report = add_report(reporter_name="", **data)
    assert (report.reporter_name, report.reporter_email, report.reporter_phone) == (
        "",
        "",
        "",
    )


def test_a_well_formed_phone_is_stored_comparable(opds):
    report = add_report(reporter_email="", reporter_phone="+62 (812) 3456-7890")
    assert report.reporter_phone == "+6281234567890"


def test_report_errors_reads_a_dict_or_a_report(opds):
    report = add_report()
    assert report_errors(report) == {}
    report.title = "Jln"
    assert set(report_errors(report)) == {"title"}
    assert set(report_errors({"privacy": "anonim"})) == {
        "title",
        "description",
        "region",
        "category",
    }


def test_a_door_may_word_the_missing_contact_its_own_way(opds):
    """The API and Open311 keep the neutral wording; the portal form speaks to the
    reporter (portal.complaints_forms.WORDING)."""
    data = {"privacy": "biasa", "reporter_name": "Budi"}
    neutral = report_errors(data)["reporter_email"]
    assert neutral == ["Isi surel atau nomor telepon pelapor (atau pilih anonim)."]
    worded = report_errors(data, {CONTACT_MISSING: "Isi kontak Anda."})
    assert worded["reporter_email"] == ["Isi kontak Anda."]
    half = report_errors({"latitude": "-6.12"})["longitude"]
    assert half == ["Lintang dan bujur harus diisi keduanya atau dikosongkan keduanya."]
