"""Objections: only by the requester's secret link, within the window, on the
statutory grounds (ground "a" only against a refusal), one open at a time."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cms.notifications.models import OutgoingEmail
from cms.ppid import services
from cms.ppid.grounds import OBJECTION_GROUNDS

pytestmark = pytest.mark.django_db

REFUSAL = {
    "exemption_article": "Pasal 17 huruf b UU 14/2008",
    "consequence_test": "Menghambat penegakan hukum yang sedang berjalan.",
}


@pytest.fixture
def decided(opds, people, file_request, clock_at):
    def make(decision="diberikan_seluruhnya", **extra):
        clock_at(2026, 7, 6)
        request = file_request(addressed_opd=opds["dinkes"])
        clock_at(2026, 7, 8)
        services.request_decide(
            request=request,
            decision=decision,
            text="Jawaban.",
            user=people["dinkes"],
            **extra,
        )
        return request

    return make


def test_the_grounds_are_article_35(db):
    assert sorted(OBJECTION_GROUNDS) == list("abcdefg")


def test_within_the_window_and_not_after(decided, clock_at):
    request = decided()
    assert request.objection_due == date(2026, 8, 20)  # 17 August is a holiday
    clock_at(2026, 8, 21)
    with pytest.raises(ValidationError) as error:
        services.objection_file(
            request=request, token=request.token, grounds=["d"], reason="Kurang."
        )
    assert error.value.code == "too_late"
    clock_at(2026, 8, 20)
    services.objection_file(
        request=request, token=request.token, grounds=["d"], reason="Kurang."
    )
    assert OutgoingEmail.objects.filter(kind="ppid_objection_received").exists()


def test_ground_a_only_after_a_refusal(decided, clock_at):
    granted = decided()
    with pytest.raises(ValidationError) as error:
        services.objection_file(
            request=granted, token=granted.token, grounds=["a"], reason="Ditolak?"
        )
    assert "grounds" in error.value.message_dict
    refused = decided("ditolak", **REFUSAL)
    objection = services.objection_file(
        request=refused, token=refused.token, grounds=["a"], reason="Tidak sah."
    )
    assert objection.grounds == ["a"]


def test_bad_grounds_token_and_a_second_open_objection(decided, people):
    request = decided()
    for grounds in ([], ["z"]):
        with pytest.raises(ValidationError):
            services.objection_file(
                request=request, token=request.token, grounds=grounds, reason="x"
            )
    with pytest.raises(PermissionDenied):
        services.objection_file(
            request=request, token="wrong", grounds=["d"], reason="x"
        )
    first = services.objection_file(
        request=request, token=request.token, grounds=["e"], reason="Belum ada."
    )
    with pytest.raises(ValidationError) as error:
        services.objection_file(
            request=request, token=request.token, grounds=["f"], reason="Biaya."
        )
    assert error.value.code == "open_objection"
    services.objection_answer(
        objection=first, outcome="diterima", text="Diberikan.", user=people["atasan"]
    )
    with pytest.raises(ValidationError):  # answered once
        services.objection_answer(
            objection=first, outcome="ditolak", text="x", user=people["atasan"]
        )


def test_a_dispute_waits_for_the_answer_or_its_deadline(decided, people, clock_at):
    request = decided()
    clock_at(2026, 7, 9)
    objection = services.objection_file(
        request=request, token=request.token, grounds=["d"], reason="Kurang."
    )
    with pytest.raises(ValidationError):
        services.dispute_record(
            objection=objection,
            filed_on=date(2026, 7, 15),
            case_number="001/KI/2026",
            user=people["atasan"],
        )
    with pytest.raises(PermissionDenied):
        services.dispute_record(
            objection=objection,
            filed_on=objection.due_on,
            case_number="001/KI/2026",
            user=people["dinkes"],
        )
    late = date(2026, 8, 24)
    assert late > objection.due_on  # the Atasan never answered
    dispute = services.dispute_record(
        objection=objection,
        filed_on=late,
        case_number="001/KI/2026",
        user=people["utama"],
    )
    assert dispute.objection == objection and dispute.outcome == ""
