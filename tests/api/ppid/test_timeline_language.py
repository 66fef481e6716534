"""The information-requests API shows system-written timeline entries in the
caller's language (the portal's language cookie) and an officer's typed reason
as typed."""

import pytest

from cms.ppid import services
from tests.portal.ppid_helpers import request_data, utama

pytestmark = pytest.mark.django_db

REASON = "Dokumen sedang dikumpulkan dari tiga bidang."


def test_timeline_follows_the_language(client, opds):
    info, token = services.request_submit(
        data={**request_data(), "addressed_opd": None}, source="portal"
    )
    services.request_extend(request=info, reason=REASON, user=utama())
    info.refresh_from_db()
    due = info.due_on.strftime("%d-%m-%Y")

    def messages(language):
        client.cookies["django_language"] = language
        response = client.get(
            "/api/v1/information-requests/mine/", HTTP_X_REQUEST_TOKEN=token
        )
        assert response.status_code == 200, response.content
        return [entry["message"] for entry in response.json()["timeline"]]

    assert messages("en") == [
        f"Request registered under number {info.register_number}.",
        f"Response time extended to {due}. Reason: {REASON}",
    ]
    assert messages("id") == [
        f"Permohonan diregistrasi dengan nomor {info.register_number}.",
        f"Waktu jawaban diperpanjang sampai {due}. Alasan: {REASON}",
    ]
