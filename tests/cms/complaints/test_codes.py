"""Tracking codes (unguessable, easy to read aloud) and near-duplicate detection."""

import re

import pytest

from cms.complaints import intake
from cms.complaints.codes import new_code, normalise_code
from cms.complaints.models import CODE_ALPHABET
from cms.complaints.selectors import find_by_code
from cms.complaints.services import DuplicateReport
from tests.factories.complaints import add_category, add_report

FORMAT = re.compile(f"^[{CODE_ALPHABET}]{{5}}-[{CODE_ALPHABET}]{{5}}$")


def test_codes_have_the_format_and_no_look_alikes():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(FORMAT.match(code) for code in codes)
    used = set("".join(codes).replace("-", ""))
    assert not used & set("01OI")
    assert used == set(CODE_ALPHABET)  # every symbol turns up: drawn uniformly


@pytest.mark.parametrize(
    "typed", ["abcde-fghjk", "ABCDEFGHJK", " abcde fghjk ", "ABC-DE-FGHJK"]
)
def test_typed_codes_are_normalised(typed):
    assert normalise_code(typed) == "ABCDE-FGHJK"


@pytest.mark.parametrize("typed", ["", None, "ABCDE-FGHJ", "ABCDE-FGHJ0", "<b>x</b>"])
def test_impossible_codes_are_rejected(typed):
    assert normalise_code(typed) is None


@pytest.mark.django_db
def test_find_by_code_accepts_how_people_type_it(opds):
    report = add_report()
    raw = report.tracking_code.replace("-", "").lower()
    assert find_by_code(raw) == report
    assert find_by_code(f" {raw[:5]} {raw[5:]} ") == report
    assert find_by_code("22222-22222") is None


@pytest.mark.django_db
def test_a_colliding_code_is_drawn_again(opds, monkeypatch):
    taken = add_report().tracking_code
    drawn = iter([taken, "ZZZZZ-ZZZZZ"])
    monkeypatch.setattr(intake, "new_code", lambda: next(drawn))
    assert add_report().tracking_code == "ZZZZZ-ZZZZZ"


@pytest.mark.django_db
class TestNearDuplicates:
    TEXT = {
        "title": "Jalan rusak di Ciruas",
        "description": "Jalan provinsi di depan pasar Ciruas berlubang besar sejak "
        "sebulan lalu dan membahayakan pengendara motor.",
    }

    def test_same_reporter_nearly_same_text_is_refused(self, opds):
        category = add_category()
        first = add_report(
            category=category, reporter_email="a@example.org", **self.TEXT
        )
        again = dict(self.TEXT, description=self.TEXT["description"] + "!!")
        with pytest.raises(DuplicateReport) as refused:
            add_report(category=category, reporter_email="A@example.org", **again)
        assert refused.value.tracking_code == first.tracking_code
        assert first.tracking_code in refused.value.messages[0]

    def test_same_phone_counts_as_same_reporter(self, opds):
        add_report(reporter_email="", reporter_phone="081234567890", **self.TEXT)
        with pytest.raises(DuplicateReport):
            add_report(reporter_email="", reporter_phone="0812 3456 7890", **self.TEXT)

    def test_other_reporter_or_other_text_is_accepted(self, opds):
        add_report(reporter_email="a@example.org", **self.TEXT)
        add_report(reporter_email="b@example.org", **self.TEXT)
        add_report(
            reporter_email="a@example.org",
            title="Lampu jalan padam",
            description="Lampu penerangan jalan di Kramatwatu padam semua.",
        )

    def test_after_a_day_it_is_a_new_report(self, opds, clock_at):
        clock_at(2028, 3, 2, 10)
        add_report(reporter_email="a@example.org", **self.TEXT)
        clock_at(2028, 3, 3, 11)
        add_report(reporter_email="a@example.org", **self.TEXT)

    def test_anonim_from_the_same_address(self, opds):
        ip = "198.51.100.4"
        add_report(privacy="anonim", client_ip=ip, **self.TEXT)
        with pytest.raises(DuplicateReport):
            add_report(privacy="anonim", client_ip=ip, **self.TEXT)
        add_report(privacy="anonim", client_ip="198.51.100.5", **self.TEXT)
