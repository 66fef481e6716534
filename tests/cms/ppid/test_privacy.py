"""Who sees which request (per-OPD isolation) and what the public register
shows (never the requester's identity or contacts)."""

import pytest
from django.contrib.auth import get_user_model

from cms.ppid import selectors, services
from cms.ppid.selectors import PUBLIC_FIELDS

pytestmark = pytest.mark.django_db


def test_requests_for_isolates_the_opds(opds, people, file_request):
    to_province = file_request()
    to_dinkes = file_request(addressed_opd=opds["dinkes"])
    to_bpbd = file_request(addressed_opd=opds["bpbd"])
    services.request_assign(request=to_province, opd=opds["bpbd"], user=people["utama"])

    def seen(user):
        return set(selectors.requests_for(user))

    assert seen(people["utama"]) == {to_province, to_dinkes, to_bpbd}
    assert seen(people["dinkes"]) == {to_dinkes}
    assert seen(people["bpbd"]) == {to_province, to_bpbd}
    assert seen(people["atasan"]) == set()
    nobody = get_user_model().objects.create_user(username="warga", password="x")
    assert seen(nobody) == set()
    # Reassigned away: dinkes loses it, bpbd gets it.
    services.request_assign(request=to_dinkes, opd=opds["bpbd"], user=people["utama"])
    assert seen(people["dinkes"]) == set()
    assert to_dinkes in seen(people["bpbd"])
    assert set(selectors.pelaksana_queue(opds["bpbd"])) == {
        to_province,
        to_dinkes,
        to_bpbd,
    }


def test_the_atasan_sees_requests_with_an_objection(opds, people, file_request):
    request = file_request(addressed_opd=opds["dinkes"])
    services.request_decide(
        request=request,
        decision="belum_didokumentasikan",
        text="Belum ada.",
        user=people["dinkes"],
    )
    services.objection_file(
        request=request, token=request.token, grounds=["e"], reason="Harus ada."
    )
    assert list(selectors.requests_for(people["atasan"])) == [request]


def test_identity_is_never_in_the_public_register(opds, people, file_request):
    request = file_request(
        addressed_opd=opds["dinkes"],
        requester_name="Siti Rahasia",
        email="siti.rahasia@example.org",
        phone="0813 9999 1111",
        address="Jl. Tersembunyi 7",
    )
    services.request_decide(
        request=request,
        decision="diberikan_seluruhnya",
        text="Terlampir.",
        user=people["dinkes"],
    )
    (row,) = selectors.public_register()
    assert row["register_number"] == request.register_number
    assert row["opd_name"] == "Dinas Kesehatan"
    assert row["decision"] == "diberikan_seluruhnya"
    text = repr(row)
    for secret in ("Siti Rahasia", "siti.rahasia", "9999", "Tersembunyi", "3604"):
        assert secret not in text
    assert set(PUBLIC_FIELDS).isdisjoint(
        {"requester_name", "identity_number", "email", "phone", "address"}
    )
