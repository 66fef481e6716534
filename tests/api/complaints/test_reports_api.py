"""Citizens' reports through the mobile API (/api/v1/reports/): submit (JSON and
multipart), follow by code, reply, confirm and reopen with the reporter's token;
identity never in an answer; bad input is a 400 naming the field; rate limits."""

import json

import pytest

from cms.complaints import services
from cms.complaints.models import Attachment, Report
from tests.factories import picture_bytes
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db

URL = "/api/v1/reports/"
NO_STORE = "private, no-store"
IDENTITY = {
    "reporter_name": "Siti Rahmawati",
    "reporter_email": "siti.rahma@example.org",
    "reporter_phone": "081234567890",
}


def body(category, **fields):
    return {
        "kind": "pengaduan",
        "category": category.slug,
        "title": "Jalan berlubang di depan pasar",
        "description": "Lubang besar di Jalan Raya Serang km 3, sudah dua bulan.",
        "region": "36.04",
        "latitude": -6.12,
        "longitude": 106.15,
        **IDENTITY,
        **fields,
    }


def post_json(client, data, **extra):
    return client.post(URL, json.dumps(data), content_type="application/json", **extra)


def assert_no_identity(response):
    text = response.content.decode()
    for value in (*IDENTITY.values(), "Siti", "0812"):
        assert value not in text


def test_json_submission_returns_the_code_and_the_token_once(client, category):
    response = post_json(client, body(category))
    assert response.status_code == 201, response.content
    assert response["Cache-Control"] == NO_STORE
    receipt = response.json()
    assert set(receipt) == {"code", "status", "follow_url", "reply_token"}
    assert receipt["status"] == "baru"
    assert receipt["follow_url"].endswith(f"/lapor/lacak/?kode={receipt['code']}")
    report = Report.objects.get(tracking_code=receipt["code"])
    assert report.source == "api" and report.reporter_name == IDENTITY["reporter_name"]
    assert str(report.latitude) == "-6.120000"

    follow = client.get(f"{URL}{receipt['code']}/")
    assert follow.status_code == 200
    assert follow["Cache-Control"] == NO_STORE
    assert "reply_token" not in follow.json()
    assert receipt["reply_token"] not in follow.content.decode()


def test_public_view_shows_progress_but_no_identity_text_or_internal_entry(
    client, category, opds
):
    report = add_report(category=category, privacy="rahasia", **IDENTITY)
    services.dispose(report, verifier(), [opds["dinkes"]], "cek lokasi")
    liaison = liaison_of(opds["dinkes"])
    services.respond(report, liaison, opds["dinkes"], "Catatan internal", public=False)
    services.respond(report, liaison, opds["dinkes"], "Tim kami meninjau lokasi.")

    # Lower case and without the dash, as read aloud.
    code = report.tracking_code.replace("-", "").lower()
    response = client.get(f"{URL}{code}/")
    assert response.status_code == 200
    data = response.json()
    assert data["code"] == report.tracking_code
    assert data["status"]["code"] == "tindak_lanjut"
    assert data["category"] == {"code": "jalan-rusak", "name": "Jalan rusak"}
    assert data["region"] == {"code": "36.73", "name": "Kota Serang"}
    assert [opd["code"] for opd in data["opds"]] == ["dinkes"]
    messages = [entry["message"] for entry in data["timeline"]]
    assert "Tim kami meninjau lokasi." in messages
    assert "Catatan internal" not in response.content.decode()
    assert report.title not in response.content.decode()
    assert report.description not in response.content.decode()
    assert_no_identity(response)


def test_deadline_is_shown_as_working_days(client, category):
    report = add_report(category=category)
    deadline = client.get(f"{URL}{report.tracking_code}/").json()["deadline"]
    assert deadline["due"] == report.verify_due.isoformat()
    assert "hari kerja" in deadline["label"] or deadline["label"] == (
        "jatuh tempo hari ini"
    )
    assert deadline["overdue"] is False


def test_status_changes_show_at_once(client, category, opds):
    report = add_report(category=category)
    first = client.get(f"{URL}{report.tracking_code}/")
    assert first.json()["status"]["code"] == "baru"
    services.dispose(report, verifier(), [opds["bpbd"]], "")
    again = client.get(f"{URL}{report.tracking_code}/")
    assert again.json()["status"]["code"] == "disposisi"
    assert "ETag" not in again and again["Cache-Control"] == NO_STORE


def test_anonymous_report_keeps_no_identity_even_if_sent(client, category):
    response = post_json(client, body(category, privacy="anonim"))
    assert response.status_code == 201
    assert_no_identity(response)
    report = Report.objects.get(tracking_code=response.json()["code"])
    assert (report.reporter_name, report.reporter_email, report.reporter_phone) == (
        "",
        "",
        "",
    )
    assert_no_identity(client.get(f"{URL}{report.tracking_code}/"))


def test_multipart_submission_with_a_picture(client, category):
    data = body(category, latitude="", longitude="")
    data["files"] = [_upload("foto.jpg", picture_bytes(40, 30, "red", "JPEG"))]
    response = client.post(URL, data)
    assert response.status_code == 201, response.content
    report = Report.objects.get(tracking_code=response.json()["code"])
    assert report.latitude is None
    attachment = Attachment.objects.get(report=report)
    assert attachment.content_type == "image/jpeg"


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_html_disguised_as_a_picture_is_refused_by_name(client, category):
    data = body(category)
    data["files"] = [_upload("foto.jpg", b"<html><script>alert(1)</script></html>")]
    response = client.post(URL, data)
    assert response.status_code == 400
    error = response.json()["error"]
    assert "foto.jpg" in " ".join(error["fields"]["files"])
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"category": "tidak-ada"}, "category"),
        ({"title": ""}, "title"),
        ({"region": "31.71"}, "region"),
        ({"latitude": -6.9, "longitude": 110.4}, "longitude"),  # Semarang
        ({"latitude": 6.12}, "latitude"),  # sign dropped
        ({"latitude": "abc"}, "latitude"),
        ({"longitude": None, "latitude": -6.1}, "longitude"),
        ({"reporter_name": ""}, "reporter_name"),
        ({"reporter_email": "", "reporter_phone": ""}, "reporter_email"),
        ({"reporter_email": "bukan surel"}, "reporter_email"),
        ({"reporter_phone": "------"}, "reporter_phone"),
        ({"latitude": -6.9, "longitude": 107.6}, "longitude"),  # Bandung
        ({"title": "Jln"}, "title"),
        ({"description": "Jalan rusak."}, "description"),
        ({"description": "x" * 5001}, "description"),
        ({"kind": "gosip"}, "kind"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, category, change, field):
    data = body(category)
    for name, value in change.items():
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    response = post_json(client, data)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert field in error["fields"], error
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "raw", [b"{", b"[]", b'"teks"', b"null", b'{"category": {"a": 1}}']
)
def test_malformed_bodies_are_400_not_500(client, category, raw):
    response = client.post(URL, raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_unknown_code_is_a_404_and_spam_is_hidden(client, category):
    assert client.get(f"{URL}ABCDE-FGHJK/").status_code == 404
    assert client.get(f"{URL}bukan-kode/").status_code == 404
    spam = add_report(category=category, status="spam")
    response = client.get(f"{URL}{spam.tracking_code}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def reply(client, report, **data):
    url = f"{URL}{report.tracking_code}/replies/"
    return client.post(url, json.dumps(data), content_type="application/json")


def test_reporter_replies_with_the_token_only(client, category):
    report = add_report(category=category)
    services.request_info(report, verifier(), "Mohon kirim foto lokasi.")
    wrong = reply(client, report, token="bukan-token", message="Ini fotonya")
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "forbidden"
    ok = reply(client, report, token=report.token, message="Lokasinya dekat masjid.")
    assert ok.status_code == 200, ok.content
    assert ok.json() == {"code": report.tracking_code, "status": "baru"}
    timeline = client.get(f"{URL}{report.tracking_code}/").json()["timeline"]
    assert timeline[-1]["action"] == "reporter_replied"
    assert timeline[-1]["message"] == "Lokasinya dekat masjid."
    assert reply(client, report, token=report.token).status_code == 400  # no message


def test_reporter_reply_with_files(client, category):
    report = add_report(category=category)
    url = f"{URL}{report.tracking_code}/replies/"
    picture = _upload("lokasi.png", picture_bytes(20, 20, "blue"))
    data = {"token": report.token, "message": "Foto terlampir", "files": [picture]}
    response = client.post(url, data)
    assert response.status_code == 200, response.content
    assert Attachment.objects.filter(report=report).count() == 1


def _resolved(category, opds):
    report = add_report(category=category)
    services.dispose(report, verifier(), [opds["dinkes"]], "")
    liaison = liaison_of(opds["dinkes"])
    services.respond(report, liaison, opds["dinkes"], "Sudah ditambal.")
    services.resolve(report, liaison, "Selesai ditambal.")
    return report


def test_reporter_confirms_a_resolved_report(client, category, opds):
    report = _resolved(category, opds)
    response = reply(client, report, token=report.token, action="confirm")
    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert report.confirmed_at is not None
    # Confirmed: reopening is no longer possible, and says so.
    again = reply(client, report, token=report.token, action="reopen", message="x")
    assert again.status_code == 400


def test_reporter_reopens_once_with_a_reason(client, category, opds):
    report = _resolved(category, opds)
    no_reason = reply(client, report, token=report.token, action="reopen")
    assert no_reason.status_code == 400
    assert "message" in no_reason.json()["error"]["fields"]
    response = reply(
        client, report, token=report.token, action="reopen", message="Lubang lagi"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "tindak_lanjut"


# Different enough not to be taken for near-duplicates of one reporter.
DISTINCT = [
    "Jalan berlubang di depan pasar induk.",
    "Lampu penerangan jalan padam sejak Senin.",
    "Sampah menumpuk di bantaran sungai Cibanten.",
    "Trotoar retak dan membahayakan pejalan kaki.",
]


def test_anonymous_submissions_are_limited_per_address(client, category, report_rates):
    report_rates(report_submit="2/hour")
    here = {"REMOTE_ADDR": "198.51.100.21"}
    codes = [
        post_json(
            client,
            body(
                category,
                title=f"Laporan {n}",
                description=DISTINCT[n],
            ),
            **here,
        ).status_code
        for n in range(2)
    ]
    assert codes == [201, 201]
    refused = post_json(
        client,
        body(category, title="Lagi lagi", description="Lagi, laporan yang sama lagi."),
        **here,
    )
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["error"]["code"] == "rate_limited"
    # Reading is not limited by the submission budget.
    assert client.get(f"{URL}ABCDE-FGHJK/", **here).status_code == 404
    other = post_json(
        client, body(category, title="Dari alamat lain"), REMOTE_ADDR="198.51.100.22"
    )
    assert other.status_code == 201


def test_keyed_submissions_have_the_keys_budget(client, category, report_rates):
    from api.keys.services import api_key_create

    report_rates(report_submit="1/hour", report_submit_key="3/hour")
    _key, secret = api_key_create(name="Aplikasi Banten")
    keyed = {"HTTP_X_API_KEY": secret, "REMOTE_ADDR": "198.51.100.23"}
    statuses = [
        post_json(
            client,
            body(category, title=f"Kunci {n}", description=DISTINCT[n]),
            **keyed,
        ).status_code
        for n in range(4)
    ]
    assert statuses == [201, 201, 201, 429]


def test_replies_are_limited_per_address(client, category, report_rates):
    report_rates(report_reply="2/hour")
    report = add_report(category=category)
    statuses = [reply(client, report, token="salah", message="x").status_code]
    statuses.append(reply(client, report, token="salah", message="x").status_code)
    statuses.append(reply(client, report, token=report.token, message="x").status_code)
    assert statuses == [403, 403, 429]


def test_posts_need_no_csrf_token(category):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post_json(strict, body(category)).status_code == 201


def test_submissions_are_limited_per_reporter_email(client, category, report_rates):
    report_rates(report_submit_email="1/day")
    first = post_json(client, body(category), REMOTE_ADDR="198.51.100.41")
    assert first.status_code == 201
    # Another address, the same person: refused.
    again = post_json(
        client,
        body(
            category,
            title="Sampah menumpuk",
            description="Sudah seminggu tidak diangkut.",
        ),
        REMOTE_ADDR="198.51.100.42",
    )
    assert again.status_code == 429
