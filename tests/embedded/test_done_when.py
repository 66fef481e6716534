"""The "Done when" of issues #12 (complaints, Open311) and #13 (information
requests), walked end to end on ``make run``'s embedded default as people would:
the citizen and the officers in Chromium, the Open311 client over plain HTTP.
The people are made by an operator with ``manage.py shell -c``. Screenshots go to
var/screenshots/done-*.png."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import chromium_path
from tests.search.indexing.helpers import pdf_bytes

from .served import (
    PEOPLE,
    TIMEOUT_MS,
    act,
    make_run,
    menu,
    opened,
    shell,
    shot,
    sign_in,
)

REPORT_TITLE = "Antrean obat di RSUD Banten berjam-jam"
REPORT_TEXT = "Setiap pagi antrean pengambilan obat di RSUD Banten lebih dari tiga jam."
CODE = re.compile(r"[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The base URL of ``make run``'s site, with the officers made."""
    with make_run(tmp_path_factory.mktemp("done-when")) as (base, env):
        assert "ok" in shell(env, PEOPLE)
        yield base


@pytest.fixture(scope="module")
def browser(site):
    expect.set_options(timeout=TIMEOUT_MS)  # a busy machine; Playwright's is 5 s
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path())
            yield browser
            browser.close()
    finally:
        expect.set_options(timeout=5_000)


@pytest.fixture
def person(browser, site):
    """``person()``: a page of a fresh browser (its own cookies), in Indonesian."""
    contexts = []

    def open_():
        context = browser.new_context(
            base_url=site,
            locale="id-ID",
            timezone_id="Asia/Jakarta",
            viewport={"width": 1280, "height": 900},
            extra_http_headers={"Accept-Language": "id"},
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


# --- #12: a complaint, from /lapor/ to its closing, and Open311 -------------------


def test_complaint_done_when(person, site):
    title = REPORT_TITLE
    answer = "Loket farmasi ditambah dua petugas mulai Senin; antrean kami pantau."
    citizen = person()
    citizen.goto("/lapor/")
    citizen.get_by_role("radio", name=re.compile("^Pengaduan")).check()
    citizen.get_by_label("Kategori").select_option(label="Layanan kesehatan")
    citizen.get_by_label("Judul laporan").fill(title)
    citizen.get_by_label("Uraian").fill(REPORT_TEXT)
    citizen.get_by_label("Kabupaten/kota").select_option(label="Kota Serang")
    citizen.locator("#id_reporter_name").fill("Ahmad Fauzi")
    citizen.locator("#id_reporter_phone").fill("081234567890")
    citizen.get_by_role("checkbox", name=re.compile("Saya menyatakan")).check()
    citizen.get_by_role("button", name="Kirim laporan").click()
    expect(
        citizen.get_by_role("heading", name="Laporan Anda sudah kami terima")
    ).to_be_visible()
    code = citizen.locator(".code--big").inner_text().strip()
    assert CODE.fullmatch(code), code
    # A phone but no email: the secret link is shown once, here.
    secret = citizen.locator(".secret-link a").get_attribute("href")
    assert secret.startswith(site + "/"), secret
    shot(citizen, "12-tanda-terima")

    # The province verification team disposes it to Dinkes.
    team = person()
    sign_in(team, "tim.verifikasi")
    menu(team, "Aduan Masyarakat", "Masuk")
    row = team.locator("tbody tr", has_text=code)
    expect(row).to_contain_text(title)
    # Verification due in 3 working days (how many are left depends on the day).
    expect(row).to_contain_text(re.compile(r"sisa \d hari kerja"))
    row.get_by_role("link", name=code).click()
    expect(team.get_by_role("heading", name=title)).to_be_visible()
    expect(team.get_by_text("Ahmad Fauzi")).to_be_visible()
    box = opened(team, "disposisi")
    # The category's default OPD is proposed.
    expect(box.get_by_label("Dinas Kesehatan")).to_be_checked()
    act(
        team,
        "disposisi",
        {"Catatan internal": "Mohon ditindaklanjuti oleh RSUD."},
        "Disposisikan",
        "Laporan didisposisikan.",
    )
    disposed = team.locator("section[aria-labelledby=aduan-disposisi]")
    expect(disposed).to_contain_text("Dinas Kesehatan")
    expect(disposed).to_contain_text(re.compile(r"sisa \d hari kerja"))
    shot(team, "12-disposisi")

    # The Dinkes liaison finds it in their queue and answers.
    liaison = person()
    sign_in(liaison, "dinkes.penghubung")
    menu(liaison, "Aduan Masyarakat", "Didisposisikan ke OPD saya")
    liaison.get_by_role("link", name=code).click()
    expect(liaison.get_by_text("Ahmad Fauzi")).to_be_visible()  # biasa: shown
    act(liaison, "tanggapi", {"Tanggapan": answer}, "Tanggapi", "Tanggapan disimpan.")
    act(
        liaison,
        "selesai",
        {"Penyelesaian": "Petugas farmasi ditambah; antrean kini di bawah 1 jam."},
        "Selesaikan",
        "Laporan dinyatakan selesai.",
    )
    shot(liaison, "12-tanggapan-opd")

    # The citizen follows the code at /lapor/lacak/ and reads the answer.
    citizen.goto("/lapor/lacak/")
    citizen.get_by_label(re.compile("Kode")).fill(code)
    citizen.get_by_role("button", name="Lacak").click()
    expect(citizen.get_by_role("heading", name=f"Laporan {code}")).to_be_visible()
    facts = citizen.locator(".complaint-result")
    expect(facts).to_contain_text("Selesai")
    expect(facts).to_contain_text("Dinas Kesehatan")
    timeline = citizen.locator(".complaint-timeline")
    answered = timeline.locator("li", has_text="Tanggapan pertama")
    expect(answered).to_contain_text("Dinas Kesehatan")
    expect(answered).to_contain_text(answer)
    expect(facts).to_contain_text("Konfirmasi atau buka kembali oleh pelapor")
    expect(citizen.get_by_text("Ahmad Fauzi")).to_have_count(0)  # public page
    shot(citizen, "12-lacak")

    # ... and closes it through the secret link.
    citizen.goto(secret)
    expect(citizen.get_by_role("heading", name=f"Laporan Anda {code}")).to_be_visible()
    citizen.get_by_role("button", name="Ya, sudah selesai").click()
    expect(
        citizen.get_by_text("Terima kasih, laporan Anda kami tutup.")
    ).to_be_visible()
    expect(citizen.get_by_role("button", name="Ya, sudah selesai")).to_have_count(0)
    expect(citizen.locator(".complaint-timeline")).to_contain_text(
        "Dikonfirmasi pelapor"
    )
    shot(citizen, "12-ditutup")

    open311_client(site)


def open311_client(site: str) -> None:
    """Lists the services (JSON and XML), posts a request and reads it back."""
    v2 = f"{site}/open311/v2"
    services = requests.get(f"{v2}/services.json", timeout=30)
    assert services.status_code == 200
    by_code = {s["service_code"]: s for s in services.json()}
    assert by_code["layanan-kesehatan"]["service_name"] == "Layanan kesehatan"
    root = ET.fromstring(requests.get(f"{v2}/services.xml", timeout=30).content)
    assert root.tag == "services"
    assert "layanan-kesehatan" in [s.findtext("service_code") for s in root]

    definition = requests.get(f"{v2}/services/layanan-kesehatan.json", timeout=30)
    region = next(a for a in definition.json()["attributes"] if a["code"] == "region")
    serang = next(v["key"] for v in region["values"] if v["name"] == "Kota Serang")
    posted = requests.post(
        f"{v2}/requests.json",
        data={
            "service_code": "layanan-kesehatan",
            "attribute[region]": serang,
            "address_string": "Jl. Syech Nawawi Al Bantani, Serang",
            "description": "Pendingin ruang tunggu puskesmas mati sejak seminggu.",
        },
        timeout=30,
    )
    assert posted.status_code in (200, 201), posted.text
    request_id = posted.json()[0]["service_request_id"]
    assert CODE.fullmatch(request_id), request_id

    again = requests.get(f"{v2}/requests/{request_id}.json", timeout=30)
    assert again.status_code == 200, again.text
    (found,) = again.json()
    assert found["service_request_id"] == request_id
    assert found["status"] == "open"
    assert found["service_code"] == "layanan-kesehatan"
    assert found["description"] == ""  # anonim and not verified yet: nothing public
    xml = ET.fromstring(
        requests.get(f"{v2}/requests/{request_id}.xml", timeout=30).content
    )
    assert xml.findtext("request/service_request_id") == request_id
    assert xml.findtext("request/status") == "open"


# --- #13: information requests, from /ppid/permohonan/ to the annual report -----------


def file_request(page, name: str, to: str, asked: str) -> tuple[str, str]:
    """Files at /ppid/permohonan/; returns the register number and the secret link
    shown on the receipt, after checking the deadline it states."""
    page.goto("/ppid/permohonan/")
    page.get_by_role("radio", name=re.compile("^Perorangan")).check()
    page.get_by_label("Nama pemohon").fill(name)
    page.get_by_label("Nomor identitas").fill("3601234567890123")
    page.locator("#id_email").fill(f"{name.split()[0].lower()}@example.org")
    page.get_by_label("Ditujukan kepada").select_option(label=to)
    page.get_by_label("Informasi yang diminta").fill(asked)
    page.get_by_label("Tujuan penggunaan informasi").fill("Bahan kajian kebijakan.")
    page.get_by_role("radio", name=re.compile("^Salinan elektronik")).check()
    page.get_by_role("radio", name=re.compile("^Surel")).check()
    page.get_by_role("checkbox", name=re.compile("Saya menyatakan")).check()
    page.get_by_role("button", name="Kirim permohonan").click()
    expect(
        page.get_by_role("heading", name="Permohonan Anda sudah teregistrasi")
    ).to_be_visible()
    number = page.locator(".code--big").inner_text().strip()
    assert re.fullmatch(rf"PPID/{date.today().year}/\d{{6}}", number), number
    # 10 working days (art. 22(7)): two calendar weeks at least.
    deadline = page.locator("dt:has-text('Batas jawaban PPID') + dd")
    expect(deadline).to_contain_text(re.compile(r"sisa 1\d hari kerja"))
    due = date.fromisoformat(deadline.locator("time").get_attribute("datetime"))
    assert (due - date.today()).days >= 14, due
    return number, page.locator(".secret-link a").get_attribute("href")


def open_request(page, queue: str, number: str) -> None:
    menu(page, "Layanan Informasi", queue)
    page.get_by_role("link", name=number).click()
    expect(page.get_by_role("heading", name="Pemohon")).to_be_visible()


def report_row(page, unit: str) -> dict:
    """The annual report's figures for ``unit``: {column: value} over its tables."""
    figures = {}
    for table in page.locator("table").all():
        heads = [h.strip() for h in table.locator("thead th").all_inner_texts()][1:]
        row = table.locator("tbody tr", has=page.locator(f"th:text-is('{unit}')"))
        if row.count() == 1 and "Dasar pengecualian" not in heads:
            values = [v.strip() for v in row.locator("td").all_inner_texts()]
            figures.update(zip(heads, values, strict=True))
    return figures


def test_information_request_done_when(person, site):
    year = date.today().year
    pdf = pdf_bytes("Realisasi anggaran imunisasi 2025")

    # A citizen files to PPID Utama and reads the number and the deadline.
    siti = person()
    granted, siti_link = file_request(
        siti,
        "Siti Rahmawati",
        "PPID Utama Provinsi Banten",
        "Salinan laporan realisasi anggaran program imunisasi tahun 2025.",
    )
    assert granted == f"PPID/{year}/000001"  # the year's first: gap-free numbers
    shot(siti, "13-tanda-terima")

    # PPID Utama hands it to Dinkes.
    utama = person()
    sign_in(utama, "ppid.utama")
    open_request(utama, "Masuk", granted)
    box = utama.locator("#aksi-teruskan")
    box.locator("summary").click()
    box.get_by_label("OPD yang menguasai informasi").select_option(
        label="Dinas Kesehatan"
    )
    box.get_by_role("button", name="Teruskan ke OPD").click()
    expect(utama.get_by_text("Permohonan diteruskan ke OPD.")).to_be_visible()
    shot(utama, "13-diteruskan")

    # Dinkes' PPID Pelaksana adds the PDF and grants the request.
    pelaksana = person()
    sign_in(pelaksana, "dinkes.ppid")
    open_request(pelaksana, "OPD saya", granted)
    box = pelaksana.locator("#aksi-dokumen")
    box.locator("summary").click()
    box.get_by_label("Berkas").set_input_files(
        {
            "name": "realisasi-imunisasi-2025.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf,
        }
    )
    box.get_by_role("button", name="Tambah dokumen").click()
    expect(pelaksana.get_by_text("Dokumen ditambahkan.")).to_be_visible()
    box = pelaksana.locator("#aksi-putuskan")
    box.locator("summary").click()
    box.get_by_label("Diberikan seluruhnya").check()
    box.get_by_label("Jawaban kepada pemohon").fill(
        "Laporan realisasi anggaran imunisasi 2025 terlampir."
    )
    box.get_by_role("button", name="Putuskan").click()
    expect(
        pelaksana.get_by_text("Keputusan disimpan dan dikirim kepada pemohon.")
    ).to_be_visible()
    shot(pelaksana, "13-diputus")

    # The citizen downloads it from their page.
    siti.goto(siti_link)
    expect(
        siti.get_by_role("heading", name=f"Permohonan informasi {granted}")
    ).to_be_visible()
    expect(siti.locator(".status")).to_have_text("Diputus")
    expect(siti.locator(".ppid-decision")).to_contain_text("Diberikan seluruhnya")
    expect(siti.get_by_text("Dinas Kesehatan").first).to_be_visible()
    link = siti.get_by_role("link", name="realisasi-imunisasi-2025.pdf")
    assert "/ppid/dokumen/" in link.get_attribute("href")
    with siti.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "realisasi-imunisasi-2025.pdf"
    with open(download.value.path(), "rb") as got:
        assert got.read() == pdf
    shot(siti, "13-dokumen")

    # A second request, to Dinkes, is refused with a basis; its requester objects.
    andi = person()
    refused, andi_link = file_request(
        andi,
        "Andi Pratama",
        "Dinas Kesehatan",
        "Daftar nama pasien penerima layanan rehabilitasi narkotika tahun 2025.",
    )
    assert refused == f"PPID/{year}/000002"
    open_request(pelaksana, "OPD saya", refused)
    box = pelaksana.locator("#aksi-putuskan")
    box.locator("summary").click()
    box.get_by_label("Ditolak").check()
    box.get_by_label("Pasal pengecualian").fill("Pasal 17 huruf h UU 14/2008")
    box.get_by_label("Uji konsekuensi").fill(
        "Membuka nama pasien mengungkap rahasia pribadi dan riwayat kesehatannya."
    )
    box.get_by_label("Jawaban kepada pemohon").fill(
        "Informasi ini dikecualikan karena memuat data pribadi pasien."
    )
    box.get_by_role("button", name="Putuskan").click()
    expect(
        pelaksana.get_by_text("Keputusan disimpan dan dikirim kepada pemohon.")
    ).to_be_visible()

    andi.goto(andi_link)
    decision = andi.locator(".ppid-decision")
    expect(decision).to_contain_text("Ditolak")
    expect(decision).to_contain_text("Pasal 17 huruf h UU 14/2008")
    objection = andi.locator("section", has=andi.locator("#ajukan-keberatan"))
    objection.get_by_label(re.compile(r"^a\. Penolakan")).check()
    objection.get_by_label("Uraian keberatan").fill(
        "Saya hanya meminta jumlah per kabupaten, bukan nama pasien."
    )
    objection.get_by_role("button", name="Kirim keberatan").click()
    expect(andi.get_by_text("Keberatan Anda sudah kami terima.")).to_be_visible()
    expect(andi.locator("#keberatan-judul")).to_be_visible()
    shot(andi, "13-keberatan")

    # The annual report counts them, on the portal and in the admin.
    reader = person()
    reader.goto(f"/ppid/laporan/{year}/")
    expect(
        reader.get_by_role("heading", name=f"Laporan layanan informasi publik {year}")
    ).to_be_visible()
    dinkes = report_row(reader, "Dinas Kesehatan")
    assert dinkes["Permohonan diterima"] == "2", dinkes
    assert dinkes["Sudah diputus"] == "2", dinkes
    assert dinkes["Diputus tepat waktu"] == "2", dinkes
    assert dinkes["Diberikan seluruhnya"] == "1", dinkes
    assert dinkes["Ditolak"] == "1", dinkes
    assert dinkes["Keberatan diajukan"] == "1", dinkes
    expect(reader.locator("body")).to_contain_text("Pasal 17 huruf h UU 14/2008")
    shot(reader, "13-laporan-tahunan")
    menu(utama, "Layanan Informasi", "Laporan tahunan")
    expect(utama.get_by_label("Tahun")).to_have_value(str(year))
    expect(utama.locator("table").first).to_be_visible()
    assert report_row(utama, "Dinas Kesehatan") == dinkes
    shot(utama, "13-laporan-admin")
