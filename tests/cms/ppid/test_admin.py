"""The PPID screens of the Wagtail admin ("Layanan Informasi"): each role's queue,
the menu, and a request's whole processing path through the admin's forms with
real users and groups (assign, extend, documents, each decision, promotion into
the DIP, objection answer, dispute)."""

import pytest
from django.urls import reverse

from cms.dip.models import DIPEntryPage
from cms.ppid import clock, services
from cms.ppid.models import InformationRequest, RequestDocument
from tests.factories import UserFactory
from tests.factories.pages import add_dip_entry

from .admin_helpers import (
    action,
    atasan,
    detail,
    file_request,
    html,
    messages_of,
    pdf_upload,
    pelaksana,
    png_upload,
    refused,
    utama,
)

pytestmark = pytest.mark.django_db

MASUK = "/admin/ppid/masuk/"
SEMUA = "/admin/ppid/semua/"
OPD = "/admin/ppid/opd/"
KEBERATAN = "/admin/ppid/keberatan/"


@pytest.fixture
def people(opds):
    return {
        "utama": utama(),
        "dinkes": pelaksana(opds["dinkes"]),
        "bpbd": pelaksana(opds["bpbd"]),
        "atasan": atasan(),
    }


def _decided_and_objected(opd, by):
    info = file_request(opd)
    services.request_decide(
        request=info,
        decision="ditolak",
        text="Informasi dikecualikan.",
        user=by,
        exemption_article="Pasal 17 huruf a UU 14/2008",
        consequence_test="Membuka informasi menghambat penegakan hukum.",
    )
    services.objection_file(
        request=info, token=info.token, grounds=["a"], reason="Saya keberatan."
    )
    return info


def test_each_role_sees_its_own_queue(client, opds, people):
    to_utama = file_request(None)
    to_dinkes = file_request(opds["dinkes"])
    to_bpbd = file_request(opds["bpbd"])
    objected = _decided_and_objected(opds["dinkes"], people["dinkes"])

    client.force_login(people["utama"])
    incoming = html(client.get(MASUK))
    assert to_utama.register_number in incoming
    assert to_dinkes.register_number not in incoming  # its OPD answers it already
    everything = html(client.get(SEMUA))
    for info in (to_utama, to_dinkes, to_bpbd, objected):
        assert info.register_number in everything
    assert refused(client.get(OPD)) and refused(client.get(KEBERATAN))

    client.force_login(people["dinkes"])
    mine = html(client.get(OPD))
    assert to_dinkes.register_number in mine and objected.register_number in mine
    assert to_bpbd.register_number not in mine
    assert to_utama.register_number not in mine
    assert "sisa 10 hari kerja" in mine  # the deadline badge, with its date
    assert refused(client.get(MASUK)) and refused(client.get(SEMUA))

    client.force_login(people["bpbd"])
    mine = html(client.get(OPD))
    assert to_bpbd.register_number in mine
    assert to_dinkes.register_number not in mine

    client.force_login(people["atasan"])
    objections = html(client.get(KEBERATAN))
    assert objected.register_number in objections
    assert to_dinkes.register_number not in objections
    assert refused(client.get(MASUK)) and refused(client.get(OPD))


def test_menu_shows_what_waits_and_only_to_ppid_roles(client, opds, people):
    file_request(None)
    file_request(None)
    file_request(opds["dinkes"])

    editor = UserFactory(opd=opds["dinkes"], role="editor")
    client.force_login(editor)
    assert "Layanan Informasi" not in html(client.get("/admin/"))
    assert refused(client.get(reverse("ppid_admin:index")))

    client.force_login(people["utama"])
    assert "Layanan Informasi (2)" in html(client.get("/admin/"))
    assert client.get(reverse("ppid_admin:index")).url == MASUK

    client.force_login(people["dinkes"])
    menu = html(client.get("/admin/"))
    assert "Layanan Informasi (1)" in menu and "OPD saya (1)" in menu
    assert client.get(reverse("ppid_admin:index")).url == OPD

    client.force_login(people["atasan"])
    assert client.get(reverse("ppid_admin:index")).url == KEBERATAN


def test_processing_path_through_the_admin(client, opds, people):
    info = file_request(None)
    client.force_login(people["utama"])
    page = html(client.get(detail(info)))
    assert "Teruskan ke OPD" in page and "Budi Rahasiawan" in page

    response = client.post(
        action(info, "teruskan"),
        {"teruskan-opd": opds["dinkes"].pk, "teruskan-note": "Mohon dijawab."},
        follow=True,
    )
    assert "Permohonan diteruskan ke OPD." in messages_of(response)
    info.refresh_from_db()
    assert info.assigned_opd == opds["dinkes"] and info.status == "diproses"

    client.force_login(people["dinkes"])
    assert info.register_number in html(client.get(OPD))
    due_before = info.due_on
    response = client.post(action(info, "perpanjang"), {"perpanjang-reason": ""})
    assert response.status_code == 400  # a reason is required
    response = client.post(
        action(info, "perpanjang"),
        {"perpanjang-reason": "Dokumen tersebar di tiga bidang."},
        follow=True,
    )
    assert "Batas waktu diperpanjang; pemohon diberi tahu." in messages_of(response)
    info.refresh_from_db()
    assert info.extended_at is not None and info.due_on > due_before
    assert "Perpanjang waktu" not in html(client.get(detail(info)))  # only once
    assert client.get(action(info, "perpanjang")).status_code == 302

    response = client.post(
        action(info, "dokumen"), {"dokumen-file": pdf_upload()}, follow=True
    )
    assert "Dokumen ditambahkan." in messages_of(response)
    document = RequestDocument.objects.get(request=info)
    download = client.get(reverse("ppid_admin:document", args=[info.pk, document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]
    assert "private" in download["Cache-Control"]
    assert "no-store" in download["Cache-Control"]

    # Partly granted without saying what was blacked out: the service refuses,
    # and its message stands by the field.
    response = client.post(
        action(info, "putuskan"),
        {"putuskan-decision": "diberikan_sebagian", "putuskan-text": "Terlampir."},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors.get("redaction_note"), errors
    info.refresh_from_db()
    assert info.decision == ""
    response = client.post(
        action(info, "putuskan"),
        {
            "putuskan-decision": "diberikan_sebagian",
            "putuskan-text": "Terlampir salinan laporan.",
            "putuskan-redaction_note": "NIK penerima dihitamkan (Pasal 17 huruf h).",
        },
        follow=True,
    )
    assert "Keputusan disimpan dan dikirim kepada pemohon." in messages_of(response)
    info.refresh_from_db()
    assert info.decision == "diberikan_sebagian" and info.status == "diputus"
    assert info.objection_due is not None

    response = client.post(reverse("ppid_admin:promote", args=[info.pk, document.pk]))
    document.refresh_from_db()
    entry = DIPEntryPage.objects.get(pk=document.dip_entry_id)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[entry.pk])
    assert not entry.live and entry.opd_id == opds["dinkes"].pk
    # The PPID Pelaksana keeps the OPD's DIP: it can complete the draft it made.
    editor = client.get(response.url)
    assert editor.status_code == 200
    assert entry.title in editor.content.decode()

    services.objection_file(
        request=info,
        token=info.token,
        grounds=["d"],
        reason="Bagian yang saya minta hilang.",
    )
    client.force_login(people["atasan"])
    assert info.register_number in html(client.get(KEBERATAN))
    response = client.post(
        action(info, "jawab-keberatan"),
        {"jawab-keberatan-outcome": "ditolak", "jawab-keberatan-text": "Sudah sesuai."},
        follow=True,
    )
    assert any("keberatan" in m for m in messages_of(response))
    objection = info.objections.get()
    assert objection.outcome == "ditolak" and objection.answered_by == people["atasan"]

    response = client.post(
        action(info, "sengketa"),
        {
            "sengketa-case_number": "001/KIP-BANTEN/PSI/2027",
            "sengketa-filed_on": clock.today().isoformat(),
        },
        follow=True,
    )
    assert "Sengketa informasi dicatat." in messages_of(response)
    page = html(client.get(detail(info)))
    assert "001/KIP-BANTEN/PSI/2027" in page
    for text in ("Diteruskan ke OPD", "Waktu diperpanjang", "Keberatan dijawab"):
        assert text in page  # the timeline


def _decide(client, info, **fields):
    data = {f"putuskan-{name}": value for name, value in fields.items()}
    return client.post(action(info, "putuskan"), data)


def test_refusal_needs_a_basis_and_each_decision_its_field(client, opds, people):
    exempt = add_dip_entry(
        opds["dinkes"], "Rekam medis pasien", kategori="dikecualikan"
    )
    foreign = add_dip_entry(opds["bpbd"], "Sandi radio", kategori="dikecualikan")
    client.force_login(people["dinkes"])

    refusal = file_request(opds["dinkes"])
    page = html(client.get(action(refusal, "putuskan")))
    assert "Rekam medis pasien" in page and "Sandi radio" not in page
    response = _decide(client, refusal, decision="ditolak", text="Ditolak.")
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(errors.get(f) for f in ("exemption_entry", "exemption_article"))
    response = _decide(
        client, refusal, decision="ditolak", text="x", exemption_entry=foreign.pk
    )
    assert response.status_code == 400  # another OPD's entry is not a choice
    response = _decide(
        client,
        refusal,
        decision="ditolak",
        text="Informasi dikecualikan.",
        exemption_entry=exempt.pk,
        consequence_test="Membuka rekam medis melanggar hak pribadi pasien.",
    )
    assert response.status_code == 302
    refusal.refresh_from_db()
    assert refusal.decision == "ditolak" and refusal.exemption_entry_id == exempt.pk

    elsewhere = file_request(opds["dinkes"])
    assert (
        _decide(client, elsewhere, decision="tidak_dikuasai", text="x").status_code
        == 400
    )
    response = _decide(
        client,
        elsewhere,
        decision="tidak_dikuasai",
        text="Informasi ada di BPS.",
        referral="BPS Provinsi Banten",
        redaction_note="diabaikan: bukan untuk keputusan ini",
    )
    assert response.status_code == 302
    elsewhere.refresh_from_db()
    assert (
        elsewhere.referral == "BPS Provinsi Banten" and elsewhere.redaction_note == ""
    )

    for decision in ("diberikan_seluruhnya", "belum_didokumentasikan"):
        info = file_request(opds["dinkes"])
        assert (
            _decide(client, info, decision=decision, text="Jawaban.").status_code == 302
        )
        assert InformationRequest.objects.get(pk=info.pk).decision == decision

    # PPID Utama may cite any OPD's exempted entry.
    client.force_login(people["utama"])
    page = html(client.get(action(file_request(opds["dinkes"]), "putuskan")))
    assert "Rekam medis pasien" in page and "Sandi radio" in page


def test_image_document_upload(client, opds, people):
    info = file_request(opds["dinkes"])
    client.force_login(people["dinkes"])
    response = client.post(action(info, "dokumen"), {"dokumen-file": png_upload()})
    assert response.status_code == 302
    assert RequestDocument.objects.filter(request=info).count() == 1
