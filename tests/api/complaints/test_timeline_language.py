"""The reports API shows system-written timeline entries in the caller's language
(the portal's language cookie: Accept-Language is ignored, portal/language.py) and
people's messages as typed."""

import pytest

from cms.complaints import services
from tests.factories.complaints import add_report, liaison_of

pytestmark = pytest.mark.django_db

TYPED = "Tim kami meninjau lokasi besok pagi."


def test_timeline_follows_the_language(client, opds):
    report = add_report(opds=[opds["dinkes"]])
    services.respond(report, liaison_of(opds["dinkes"]), opds["dinkes"], TYPED)
    url = f"/api/v1/reports/{report.tracking_code}/"
    client.cookies["django_language"] = "en"
    english = client.get(url).json()["timeline"]
    assert [e["message"] for e in english] == [
        "Report received; awaiting verification.",
        f"Report forwarded to {opds['dinkes'].title}.",
        TYPED,
    ]
    client.cookies["django_language"] = "id"
    indonesian = client.get(url).json()["timeline"]
    assert [e["message"] for e in indonesian] == [
        "Laporan diterima dan menunggu verifikasi.",
        f"Laporan diteruskan kepada {opds['dinkes'].title}.",
        TYPED,
    ]
