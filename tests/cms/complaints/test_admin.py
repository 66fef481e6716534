"""The complaints screens of the Wagtail admin: the lifecycle through its buttons,
per-OPD isolation on every view, hidden identities, filters, and a queue that costs
the same number of queries whatever its size."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.complaints import clock
from cms.complaints.models import Report
from tests.factories import UserFactory, picture_bytes
from tests.factories.complaints import add_category, add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

MASUK = reverse("complaints_admin:masuk")
SEMUA = reverse("complaints_admin:semua")
OPD_QUEUE = reverse("complaints_admin:opd")


def detail(report):
    return reverse("complaints_admin:detail", args=[report.pk])


def action(report, slug):
    return reverse("complaints_admin:action", args=[report.pk, slug])


def html(response) -> str:
    return response.content.decode()


def refused(response) -> bool:
    """Wagtail's answer to a permission refusal: back to the dashboard, with an
    error message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def messages_of(response) -> list[str]:
    return [str(m).strip() for m in response.context["messages"]]


@pytest.fixture
def people(opds):
    return {
        "verifier": verifier(),
        "dinkes": liaison_of(opds["dinkes"]),
        "bpbd": liaison_of(opds["bpbd"]),
    }


def test_lifecycle_through_the_admin_buttons(client, opds, people):
    category = add_category("Layanan kesehatan", opd=opds["dinkes"])
    report = add_report(category=category, title="Puskesmas tutup siang hari")

    client.force_login(people["verifier"])
    assert report.tracking_code in html(client.get(MASUK))
    page = html(client.get(detail(report)))
    assert "Disposisikan" in page and "Minta informasi" in page
    assert "Tanggapi" not in page  # the OPD's button, not the verifier's

    response = client.post(
        action(report, "disposisi"),
        {
            "disposisi-opds": [opds["dinkes"].pk, opds["bpbd"].pk],
            "disposisi-note": "Mohon dicek bersama.",
        },
        follow=True,
    )
    assert "Laporan didisposisikan." in messages_of(response)
    report.refresh_from_db()
    assert report.status == "disposisi"
    assert sorted(d.opd.slug for d in report.dispositions.filter(active=True)) == [
        "bpbd",
        "dinkes",
    ]

    client.force_login(people["dinkes"])
    queue = html(client.get(OPD_QUEUE))
    assert report.tracking_code in queue and "sisa 5 hari kerja" in queue
    photo = SimpleUploadedFile(
        "foto.png", picture_bytes(40, 30, (10, 120, 40)), "image/png"
    )
    response = client.post(
        action(report, "tanggapi"),
        {
            "tanggapi-opd": opds["dinkes"].pk,
            "tanggapi-message": "Petugas kami sudah meninjau puskesmas.",
            "tanggapi-public": "on",
            "tanggapi-attachments": [photo],
        },
        follow=True,
    )
    assert "Tanggapan disimpan." in messages_of(response)
    report.refresh_from_db()
    assert report.status == "tindak_lanjut"
    attachment = report.attachments.get(entry__action="responded")
    download = client.get(
        reverse("complaints_admin:attachment", args=[report.pk, attachment.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    assert "attachment" in download["Content-Disposition"]

    response = client.post(
        action(report, "selesai"),
        {"selesai-message": "Jam layanan kembali normal."},
        follow=True,
    )
    assert "Laporan dinyatakan selesai." in messages_of(response)
    report.refresh_from_db()
    assert report.status == "selesai"
    timeline = html(client.get(detail(report)))
    assert "Petugas kami sudah meninjau puskesmas." in timeline
    assert "Mohon dicek bersama." in timeline  # the internal note, marked so
    assert "Internal" in timeline and "Publik" in timeline

    client.force_login(people["verifier"])
    client.post(action(report, "arsipkan"), {})
    report.refresh_from_db()
    assert report.status == "arsip"


def test_refused_transition_is_an_admin_message_not_a_500(client, opds, people):
    report = add_report()
    client.force_login(people["verifier"])

    response = client.post(action(report, "arsipkan"), {})  # only from "selesai"
    assert response.status_code == 400
    assert any("tidak dapat dilakukan" in m for m in messages_of(response))
    report.refresh_from_db()
    assert report.status == "baru"

    response = client.post(action(report, "gabungkan"), {"gabungkan-target": "x"})
    assert response.status_code == 400
    assert "Tidak ada laporan dengan kode itu." in html(response)

    response = client.post(action(report, "disposisi"), {})
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == "baru"


def test_a_liaison_never_reaches_another_opds_report(client, opds, people, png_upload):
    report = add_report(opds=[opds["dinkes"]], uploads=[png_upload()])
    attachment = report.attachments.get()
    other = people["bpbd"]
    client.force_login(other)

    assert report.tracking_code not in html(client.get(OPD_QUEUE))
    for url in (
        detail(report),
        action(report, "tanggapi"),
        reverse("complaints_admin:attachment", args=[report.pk, attachment.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        action(report, "tanggapi"),
        {"tanggapi-opd": opds["bpbd"].pk, "tanggapi-message": "Bukan urusan kami"},
    )
    assert response.status_code == 404
    assert refused(client.get(MASUK))  # the verifiers' queue
    assert report.timeline.filter(action="responded").count() == 0

    # The right OPD's liaison sees it, but may not take the verifiers' actions.
    client.force_login(people["dinkes"])
    assert client.get(detail(report)).status_code == 200
    response = client.post(
        action(report, "disposisi"), {"disposisi-opds": [opds["bpbd"].pk]}
    )
    assert refused(response)
    assert not report.dispositions.filter(opd=opds["bpbd"]).exists()


def test_menu_only_for_complaint_roles(client, opds, people):
    editor = UserFactory(opd=opds["dinkes"], role="editor")
    client.force_login(editor)
    assert "Aduan Masyarakat" not in html(client.get("/admin/"))
    assert refused(client.get(SEMUA))
    assert refused(client.get(reverse("complaints_admin:index")))

    client.force_login(people["dinkes"])
    menu = html(client.get("/admin/"))
    assert "Aduan Masyarakat" in menu and "Didisposisikan ke OPD saya" in menu
    assert client.get(reverse("complaints_admin:index")).url == OPD_QUEUE

    client.force_login(people["verifier"])
    assert "Aduan Masyarakat" in html(client.get("/admin/"))
    assert client.get(reverse("complaints_admin:index")).url == MASUK


def test_identity_of_a_rahasia_report_hidden_from_liaisons(client, opds, people):
    report = add_report(
        opds=[opds["dinkes"]],
        privacy="rahasia",
        reporter_name="Siti Kerahasiaan",
        reporter_email="siti.rahasia@example.org",
        reporter_phone="081234567890",
    )
    client.force_login(people["dinkes"])
    for url in (detail(report), OPD_QUEUE, action(report, "tanggapi")):
        page = html(client.get(url))
        for secret in ("Siti Kerahasiaan", "siti.rahasia@", "081234567890"):
            assert secret not in page, (url, secret)
    assert "Identitas dirahasiakan" in html(client.get(detail(report)))

    client.force_login(people["verifier"])
    page = html(client.get(detail(report)))
    assert "Siti Kerahasiaan" in page and "siti.rahasia@example.org" in page


def test_anonymous_report_says_anonim(client, opds, people):
    report = add_report(
        privacy="anonim", reporter_name="", reporter_email="", reporter_phone=""
    )
    client.force_login(people["verifier"])
    assert "Anonim" in html(client.get(detail(report)))


def test_filters_and_search(client, opds, people):
    today = clock.today()
    late = add_report(title="Lampu jalan padam", verify_due=today - timedelta(20))
    fresh = add_report(title="Trotoar berlubang", verify_due=today + timedelta(30))
    health = add_category("Kesehatan")
    disposed = add_report(opds=[opds["bpbd"]], category=health)
    client.force_login(people["verifier"])

    overdue = html(client.get(MASUK, {"overdue": "ya"}))
    assert late.tracking_code in overdue and fresh.tracking_code not in overdue
    assert "aduan-deadline--overdue" in overdue and "terlambat" in overdue
    on_time = html(client.get(MASUK, {"overdue": "tidak"}))
    assert fresh.tracking_code in on_time and late.tracking_code not in on_time

    by_opd = html(client.get(SEMUA, {"opd": opds["bpbd"].pk}))
    assert disposed.tracking_code in by_opd and late.tracking_code not in by_opd
    assert "Badan Penanggulangan Bencana Daerah" in by_opd  # the OPD column
    by_status = html(client.get(SEMUA, {"status": "disposisi"}))
    assert disposed.tracking_code in by_status and fresh.tracking_code not in by_status
    by_category = html(client.get(SEMUA, {"category": health.pk}))
    assert disposed.tracking_code in by_category
    assert late.tracking_code not in by_category
    assert disposed.tracking_code not in html(client.get(MASUK))

    typed = fresh.tracking_code.replace("-", "").lower()  # read aloud, typed quickly
    found = html(client.get(SEMUA, {"q": typed}))
    assert fresh.tracking_code in found and late.tracking_code not in found
    found = html(client.get(SEMUA, {"q": "lampu jalan"}))
    assert late.tracking_code in found and fresh.tracking_code not in found


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queue_queries_do_not_grow_with_the_queue(client, opds, people, settings):
    settings.HOLIDAYS_RECHECK_SECONDS = 3600  # no holiday re-check mid-test
    category = add_category()
    by = people["verifier"]

    def fill(count):
        for n in range(count):
            targets = [[opds["dinkes"]], [opds["dinkes"], opds["bpbd"]], []][n % 3]
            add_report(category=category, opds=targets, by=by)

    fill(5)
    urls = {
        people["verifier"]: [MASUK, SEMUA, f"{SEMUA}?overdue=ya"],
        people["dinkes"]: [OPD_QUEUE],
    }
    small = {}
    for user, paths in urls.items():
        client.force_login(user)
        for url in paths:
            client.get(url)  # warm: sessions, content types, holidays
            small[url] = _queries(client, url)
    fill(45)
    assert Report.objects.count() == 50
    for user, paths in urls.items():
        client.force_login(user)
        for url in paths:
            client.get(url)
            assert _queries(client, url) == small[url], url
