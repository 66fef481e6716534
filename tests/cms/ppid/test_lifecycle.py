"""A request from filing to the Komisi Informasi: register number and deadline,
assignment, the one extension, the decision with its document by signed link,
the objection and its answer, the dispute."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import TimestampSigner

from cms.notifications.models import OutgoingEmail
from cms.ppid import documents, selectors, services
from cms.ppid.models import Action, RegisterCounter, Status

pytestmark = pytest.mark.django_db


def actions(request):
    return list(request.timeline.values_list("action", flat=True))


def test_the_whole_lifecycle(opds, people, file_request, clock_at, pdf_upload):
    clock_at(2026, 3, 17)  # the Tuesday before the Idul Fitri 2026 holidays
    request = file_request()
    assert request.register_number == "PPID/2026/000001"
    assert request.status == Status.DITERIMA and request.source == "portal"
    assert request.due_on == date(2026, 4, 8)
    assert services.token_check(request, request.token)
    assert not services.token_check(request, "not-the-token")
    assert selectors.find_by_token(request.token) == request
    receipt = OutgoingEmail.objects.get(kind="ppid_receipt")
    assert receipt.to == request.email and "PPID/2026/000001" in receipt.subject
    assert f"/ppid/permohonan/{request.token}/" in receipt.body_text

    services.request_assign(request=request, opd=opds["dinkes"], user=people["utama"])
    assert request.status == Status.DIPROSES
    assert request.assigned_opd == opds["dinkes"]
    assigned = OutgoingEmail.objects.get(kind="ppid_assigned")
    assert assigned.to == people["dinkes"].email
    assert "Ahmad Pemohon" not in assigned.body_text  # no identity to officers

    clock_at(2026, 4, 7)
    services.request_extend(
        request=request, reason="Dokumen tersebar di tiga UPTD.", user=people["dinkes"]
    )
    assert request.due_on == date(2026, 4, 17)  # 7 working days after 8 April
    extended = OutgoingEmail.objects.get(kind="ppid_extended")
    assert "tiga UPTD" in extended.body_text
    with pytest.raises(ValidationError):  # only once
        services.request_extend(request=request, reason="Lagi.", user=people["dinkes"])

    document = services.document_add(
        request=request, upload=pdf_upload("kontrak.pdf"), user=people["dinkes"]
    )
    clock_at(2026, 4, 16)
    services.request_decide(
        request=request,
        decision="diberikan_seluruhnya",
        text="Salinan kontrak terlampir.",
        user=people["dinkes"],
    )
    assert request.status == Status.DIPUTUS
    assert request.decided_on == date(2026, 4, 16)
    assert request.objection_due == date(2026, 6, 5)
    decided = OutgoingEmail.objects.get(kind="ppid_decided")
    assert "/ppid/dokumen/" in decided.body_text
    link = services.document_link(document)
    assert link in decided.body_text
    signed = link.removeprefix("/ppid/dokumen/").strip("/")
    assert services.document_from_link(signed) == document
    assert services.document_from_link(signed[:-2] + "xx") is None

    clock_at(2026, 4, 20)
    objection = services.objection_file(
        request=request, token=request.token, grounds=["d"], reason="Tidak lengkap."
    )
    assert objection.due_on == date(2026, 6, 9)  # 30 working days after 20 April
    assert selectors.deadline(request) == objection.due_on
    assert list(selectors.objection_queue()) == [objection]
    with pytest.raises(PermissionDenied):
        services.objection_answer(
            objection=objection, outcome="ditolak", text="x", user=people["dinkes"]
        )
    clock_at(2026, 5, 4)
    services.objection_answer(
        objection=objection,
        outcome="ditolak",
        text="Seluruh kontrak telah diberikan.",
        user=people["atasan"],
    )
    request.refresh_from_db()
    objection.refresh_from_db()
    assert request.status == Status.SELESAI
    assert objection.dispute_due == date(2026, 5, 26)
    assert OutgoingEmail.objects.filter(kind="ppid_objection_answered").exists()

    dispute = services.dispute_record(
        objection=objection,
        filed_on=date(2026, 5, 11),
        case_number="012/V/KI-BTN-PS/2026",
        user=people["atasan"],
    )
    services.dispute_record(
        objection=objection,
        filed_on=date(2026, 5, 11),
        case_number="012/V/KI-BTN-PS/2026",
        outcome="mediasi",
        decided_on=date(2026, 6, 10),
        user=people["utama"],
    )
    dispute.refresh_from_db()
    assert dispute.outcome == "mediasi"
    assert actions(request) == [
        Action.SUBMITTED,
        Action.ASSIGNED,
        Action.EXTENDED,
        Action.DOCUMENT_ADDED,
        Action.DECIDED,
        Action.OBJECTION_FILED,
        Action.OBJECTION_ANSWERED,
        Action.DISPUTE_RECORDED,
        Action.DISPUTE_RECORDED,
    ]
    assert RegisterCounter.objects.get(year=2026).last == 1


def test_document_links_expire(opds, people, file_request, pdf_upload, settings):
    request = file_request(addressed_opd=opds["dinkes"])
    document = services.document_add(
        request=request, upload=pdf_upload(), user=people["dinkes"]
    )
    signed = services.document_link(document).split("/")[3]
    assert services.document_from_link(signed) == document
    assert services.document_from_link(signed, max_age=-1) is None
    settings.PPID_LINK_MAX_AGE = -1
    assert services.document_from_link(signed) is None
    # A signature made for another purpose (salt) never opens a document.
    forged = TimestampSigner(salt="other").sign(str(document.pk))
    assert services.document_from_link(forged) is None
    with document.file.open("rb") as stored:
        assert stored.read().startswith(b"%PDF-")
    assert "private/ppid" in str(document.file.storage.location)


def test_extension_needs_a_reason_and_time_left(opds, people, file_request, clock_at):
    clock_at(2026, 7, 6)
    request = file_request(addressed_opd=opds["dinkes"])
    with pytest.raises(ValidationError) as error:
        services.request_extend(request=request, reason=" ", user=people["dinkes"])
    assert "reason" in error.value.message_dict
    clock_at(2026, 7, 21)  # due 20 July
    with pytest.raises(ValidationError):
        services.request_extend(
            request=request, reason="Banyak.", user=people["dinkes"]
        )


@pytest.mark.parametrize(
    "decision, extra",
    [
        ("diberikan_seluruhnya", {}),
        ("diberikan_sebagian", {"redaction_note": "NIK penerima bantuan dihitamkan."}),
        (
            "ditolak",
            {
                "exemption_article": "Pasal 17 huruf h UU 14/2008",
                "consequence_test": "Membuka rahasia pribadi penerima.",
            },
        ),
        ("tidak_dikuasai", {"referral": "Dinas Kesehatan Kota Serang"}),
        ("belum_didokumentasikan", {}),
    ],
)
def test_each_decision(opds, people, file_request, decision, extra):
    request = file_request(addressed_opd=opds["dinkes"])
    services.request_decide(
        request=request,
        decision=decision,
        text="Jawaban PPID.",
        user=people["dinkes"],
        **extra,
    )
    request.refresh_from_db()
    assert request.decision == decision and request.status == Status.DIPUTUS
    for field, value in extra.items():
        assert getattr(request, field) == value
    with pytest.raises(ValidationError):  # decided once
        services.request_decide(
            request=request,
            decision=decision,
            text="Lagi.",
            user=people["dinkes"],
            **extra,
        )


@pytest.mark.parametrize(
    "extra, field",
    [
        ({}, "exemption_entry"),
        ({"exemption_article": "Pasal 17 huruf b"}, "consequence_test"),
        ({"consequence_test": "Membahayakan."}, "exemption_entry"),
    ],
)
def test_a_refusal_without_a_basis_is_rejected(
    opds, people, file_request, extra, field
):
    request = file_request(addressed_opd=opds["dinkes"])
    with pytest.raises(ValidationError) as error:
        services.request_decide(
            request=request,
            decision="ditolak",
            text="Ditolak.",
            user=people["dinkes"],
            **extra,
        )
    assert field in error.value.message_dict
    request.refresh_from_db()
    assert request.decision == "" and request.status == Status.DITERIMA


def test_a_refusal_citing_a_non_exempt_dip_entry_is_rejected(
    opds, people, file_request
):
    from tests.factories.pages import add_dip_entry

    berkala = add_dip_entry(opds["dinkes"], "Laporan keuangan", kategori="berkala")
    exempt = add_dip_entry(
        opds["dinkes"],
        "Rekam medis pasien",
        kategori="dikecualikan",
        dasar_hukum="Pasal 17 huruf h UU 14/2008",
    )
    request = file_request(addressed_opd=opds["dinkes"])
    test_text = "Membuka rahasia pribadi."
    with pytest.raises(ValidationError) as error:
        services.request_decide(
            request=request,
            decision="ditolak",
            text="Ditolak.",
            user=people["dinkes"],
            exemption_entry=berkala,
            consequence_test=test_text,
        )
    assert "exemption_entry" in error.value.message_dict
    services.request_decide(
        request=request,
        decision="ditolak",
        text="Ditolak.",
        user=people["dinkes"],
        exemption_entry=exempt,
        consequence_test=test_text,
    )
    assert request.exemption_entry == exempt


@pytest.mark.parametrize(
    "decision, field",
    [("diberikan_sebagian", "redaction_note"), ("tidak_dikuasai", "referral")],
)
def test_decisions_need_their_explanation(opds, people, file_request, decision, field):
    request = file_request(addressed_opd=opds["dinkes"])
    with pytest.raises(ValidationError) as error:
        services.request_decide(
            request=request, decision=decision, text="Jawaban.", user=people["dinkes"]
        )
    assert field in error.value.message_dict


def test_only_the_answering_ppid_acts(opds, people, file_request):
    request = file_request(addressed_opd=opds["dinkes"])
    with pytest.raises(PermissionDenied):
        services.request_decide(
            request=request,
            decision="belum_didokumentasikan",
            text="x",
            user=people["bpbd"],
        )
    with pytest.raises(PermissionDenied):  # assigning is PPID Utama's
        services.request_assign(
            request=request, opd=opds["bpbd"], user=people["dinkes"]
        )
    services.request_assign(request=request, opd=opds["bpbd"], user=people["utama"])
    with pytest.raises(PermissionDenied):  # dinkes no longer answers it
        services.request_extend(request=request, reason="x", user=people["dinkes"])


def test_a_granted_document_becomes_a_draft_dip_entry(
    opds, people, file_request, pdf_upload
):
    request = file_request(addressed_opd=opds["dinkes"])
    document = services.document_add(
        request=request, upload=pdf_upload("anggaran.pdf"), user=people["dinkes"]
    )
    with pytest.raises(ValidationError):  # not granted (yet)
        services.document_promote(document=document, user=people["dinkes"])
    services.request_decide(
        request=request,
        decision="diberikan_seluruhnya",
        text="Terlampir.",
        user=people["dinkes"],
    )
    entry = services.document_promote(document=document, user=people["dinkes"])
    entry.refresh_from_db()
    assert entry.kategori == "setiap_saat"
    assert not entry.live and entry.opd_id == opds["dinkes"].pk
    assert entry.get_parent().specific_class.__name__ == "DIPIndexPage"
    assert entry.latest_revision is not None
    (link,) = entry.documents.all()
    assert link.document.file_size == document.size
    document.refresh_from_db()
    assert document.dip_entry_id == entry.pk
    with pytest.raises(ValidationError):  # once
        services.document_promote(document=document, user=people["dinkes"])


def test_register_numbers_run_per_year(file_request, clock_at):
    clock_at(2026, 12, 31)
    first, second = file_request(), file_request()
    clock_at(2027, 1, 4)
    third = file_request()
    assert [first.register_number, second.register_number, third.register_number] == [
        "PPID/2026/000001",
        "PPID/2026/000002",
        "PPID/2027/000001",
    ]
    assert third.year == 2027


def test_link_module_uses_the_setting(settings):
    settings.PPID_LINK_MAX_AGE = 60
    assert documents.link_max_age() == 60
