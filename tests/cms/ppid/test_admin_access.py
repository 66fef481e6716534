"""The PPID admin's walls and costs: a PPID Pelaksana of one OPD gets a 404 on
everything of another OPD's request, the requester's identity reaches only the
PPID who handles it, the filters, and queues whose query count does not grow
with their length."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.ppid import clock, services
from cms.ppid.admin.actions import ACTIONS
from cms.ppid.models import InformationRequest, RequestDocument

from .admin_helpers import (
    SECRETS,
    action,
    atasan,
    detail,
    file_request,
    html,
    pdf_upload,
    pelaksana,
    utama,
)

pytestmark = pytest.mark.django_db

SEMUA = "/admin/ppid/semua/"
OPD = "/admin/ppid/opd/"


@pytest.fixture
def people(opds):
    return {
        "utama": utama(),
        "dinkes": pelaksana(opds["dinkes"]),
        "bpbd": pelaksana(opds["bpbd"]),
        "atasan": atasan(),
    }


def _with_document(client, info, user):
    client.force_login(user)
    client.post(action(info, "dokumen"), {"dokumen-file": pdf_upload()})
    return RequestDocument.objects.get(request=info)


def test_pelaksana_never_reaches_another_opds_request(client, opds, people):
    info = file_request(opds["dinkes"])
    document = _with_document(client, info, people["dinkes"])
    client.force_login(people["bpbd"])

    assert info.register_number not in html(client.get(OPD))
    urls = [
        detail(info),
        reverse("ppid_admin:document", args=[info.pk, document.pk]),
        reverse("ppid_admin:identity", args=[info.pk, 1]),
        *(action(info, slug) for slug in ACTIONS),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    posts = {
        action(info, "putuskan"): {
            "putuskan-decision": "diberikan_seluruhnya",
            "putuskan-text": "Bukan urusan kami",
        },
        action(info, "perpanjang"): {"perpanjang-reason": "Bukan urusan kami"},
        action(info, "dokumen"): {"dokumen-file": pdf_upload()},
        reverse("ppid_admin:promote", args=[info.pk, document.pk]): {},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    info.refresh_from_db()
    assert info.decision == "" and info.extended_at is None
    assert RequestDocument.objects.filter(request=info).count() == 1
    document.refresh_from_db()
    assert document.dip_entry_id is None

    # Reassigned to BPBD, the request moves with its documents.
    services.request_assign(request=info, opd=opds["bpbd"], user=people["utama"])
    assert client.get(detail(info)).status_code == 200
    client.force_login(people["dinkes"])
    assert client.get(detail(info)).status_code == 404


def test_identity_only_for_the_ppid_who_handles_it(client, opds, people):
    info = file_request(opds["dinkes"])
    services.request_decide(
        request=info,
        decision="ditolak",
        text="Dikecualikan.",
        user=people["utama"],
        exemption_article="Pasal 17 huruf a UU 14/2008",
        consequence_test="Menghambat penyidikan.",
    )
    services.objection_file(
        request=info, token=info.token, grounds=["a"], reason="x" * 20
    )

    for who in ("utama", "dinkes"):
        client.force_login(people[who])
        page = html(client.get(detail(info)))
        assert all(secret in page for secret in SECRETS), who
    client.force_login(people["atasan"])
    page = html(client.get(detail(info)))
    assert not any(secret in page for secret in SECRETS)
    assert "Hanya untuk PPID yang menangani permohonan ini." in page
    for url in (reverse("ppid_admin:keberatan"), action(info, "jawab-keberatan")):
        assert not any(secret in html(client.get(url)) for secret in SECRETS)


def test_legal_document_of_a_badan_hukum(client, opds, people):
    info = file_request(
        opds["dinkes"],
        requester_kind="badan_hukum",
        identity_number="AHU-0012345.AH.01.07",
        identity_upload=pdf_upload("akta.pdf"),
    )
    document = info.identity_documents.get()
    url = reverse("ppid_admin:identity", args=[info.pk, document.pk])
    client.force_login(people["dinkes"])
    assert url in html(client.get(detail(info)))
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.force_login(people["bpbd"])
    assert client.get(url).status_code == 404
    client.force_login(people["atasan"])  # no objection: not theirs at all
    assert client.get(detail(info)).status_code == 404
    assert client.get(url).status_code == 404


def test_filters_and_overdue_flag(client, opds, people):
    late = file_request(
        opds["dinkes"], text="Daftar penerima bantuan sosial tahun 2025."
    )
    fresh = file_request(
        opds["bpbd"], text="Peta rawan banjir Kabupaten Lebak terbaru."
    )
    InformationRequest.objects.filter(pk=late.pk).update(
        due_on=clock.today() - timedelta(days=21)
    )
    old = file_request(None, text="Rencana strategis dinas lima tahun terakhir.")
    InformationRequest.objects.filter(pk=old.pk).update(year=2025)
    client.force_login(people["utama"])

    overdue = html(client.get(SEMUA, {"overdue": "ya"}))
    assert late.register_number in overdue and fresh.register_number not in overdue
    assert "ppid-deadline--overdue" in overdue and "terlambat" in overdue
    on_time = html(client.get(SEMUA, {"overdue": "tidak"}))
    assert fresh.register_number in on_time and late.register_number not in on_time

    by_opd = html(client.get(SEMUA, {"opd": opds["bpbd"].pk}))
    assert fresh.register_number in by_opd and late.register_number not in by_opd
    by_year = html(client.get(SEMUA, {"year": 2025}))
    assert old.register_number in by_year and late.register_number not in by_year
    by_status = html(client.get(SEMUA, {"status": "diterima"}))
    assert old.register_number in by_status
    services.request_decide(
        request=fresh, decision="diberikan_seluruhnya", text="Ok.", user=people["utama"]
    )
    by_decision = html(client.get(SEMUA, {"decision": "diberikan_seluruhnya"}))
    assert (
        fresh.register_number in by_decision and old.register_number not in by_decision
    )
    found = html(client.get(SEMUA, {"q": "banjir"}))
    assert fresh.register_number in found and late.register_number not in found

    client.force_login(people["dinkes"])
    page = html(client.get(OPD))
    assert "terlambat" in page and 'name="opd"' not in page  # no OPD filter here


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queue_queries_do_not_grow_with_the_queue(client, opds, people, settings):
    settings.HOLIDAYS_RECHECK_SECONDS = 3600  # no holiday re-check mid-test

    def fill(count):
        for n in range(count):
            info = file_request([None, opds["dinkes"], opds["bpbd"]][n % 3])
            if n % 4 == 0:
                services.request_decide(
                    request=info,
                    decision="ditolak",
                    text="Tidak.",
                    user=people["utama"],
                    exemption_article="Pasal 17 huruf b",
                    consequence_test="Membahayakan pertahanan.",
                )
                services.objection_file(
                    request=info, token=info.token, grounds=["a"], reason="x" * 20
                )

    fill(6)
    urls = {
        people["utama"]: [reverse("ppid_admin:masuk"), SEMUA, f"{SEMUA}?overdue=ya"],
        people["dinkes"]: [OPD],
        people["atasan"]: [reverse("ppid_admin:keberatan")],
    }
    small = {}
    for user, paths in urls.items():
        client.force_login(user)
        for url in paths:
            client.get(url)  # warm: sessions, content types, holidays
            small[url] = _queries(client, url)
    fill(30)
    for user, paths in urls.items():
        client.force_login(user)
        for url in paths:
            client.get(url)
            assert _queries(client, url) == small[url], url
