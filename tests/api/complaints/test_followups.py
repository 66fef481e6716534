"""A published follow-up ("tindak lanjut") on every public door: the portal page
and listing, the content API, the feeds and the sitemap; withdrawn, it is gone
from all of them. The reporter's identity and the tracking code never appear."""

import pytest

from cms.complaints.publication import followup_withdraw
from tests.factories.complaints import verifier
from tests.factories.followups import IDENTITY, publish_followup, resolved_report

pytestmark = pytest.mark.django_db

SECRETS = [*IDENTITY.values(), "Siti", "0812", "3456 7890", "Rahmawati"]


def assert_no_identity(text: str, report):
    lowered = text.lower()
    for secret in [*SECRETS, report.tracking_code, report.tracking_code[:5]]:
        assert secret.lower() not in lowered, secret


def public_outputs(client, page) -> dict[str, str]:
    outputs = {
        "page": client.get(page.get_url()),
        "listing": client.get("/lapor/tindak-lanjut/"),
        "api_list": client.get("/api/v1/content/?type=tindak-lanjut"),
        "api_detail": client.get(f"/api/v1/content/{page.pk}/"),
        "feed": client.get("/feed/tindak-lanjut/rss.xml"),
        "atom": client.get("/feed/tindak-lanjut/atom.xml"),
        "province_feed": client.get("/feed/rss.xml"),
        "opd_feed": client.get(f"/feed/opd/{page.opd.slug}/rss.xml"),
        "sitemap": client.get("/sitemap-konten.xml"),
    }
    return outputs


@pytest.mark.parametrize("privacy", ["biasa", "rahasia"])
def test_published_everywhere_then_withdrawn_everywhere(client, opds, privacy):
    report = resolved_report(opds["dinkes"], privacy=privacy)
    team = verifier()
    page = publish_followup(report, team, title="Lubang jalan di Cipocok ditambal")
    outputs = public_outputs(client, page)
    for name, response in outputs.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        assert "Lubang jalan di Cipocok ditambal" in body or name == "sitemap", name
        assert_no_identity(body, report)
    assert page.get_url() in outputs["sitemap"].content.decode()

    html = outputs["page"].content.decode()
    assert "ditambal dengan aspal hotmix" in html
    assert "Jalan dan jembatan" in html and "Kota Serang" in html
    assert "Dinas Kesehatan" in html
    detail = outputs["api_detail"].json()
    assert detail["type"] == "tindak-lanjut"
    assert detail["category"] == "Jalan dan jembatan"
    assert detail["region"] == "Kota Serang"
    assert "report" not in detail and "tracking_code" not in detail
    listed = outputs["api_list"].json()["results"]
    assert [item["id"] for item in listed] == [page.pk]

    followup_withdraw(report=report, user=team)
    gone = public_outputs(client, page)
    assert gone["page"].status_code == 404
    assert gone["api_detail"].status_code == 404
    assert gone["api_list"].json()["results"] == []
    for name in ("listing", "feed", "province_feed", "opd_feed", "sitemap"):
        body = gone[name].content.decode()
        assert "Lubang jalan di Cipocok ditambal" not in body, name
        assert page.get_url() not in body, name


def test_the_report_form_links_to_the_follow_ups(client, opds):
    response = client.get("/lapor/")
    assert 'href="/lapor/tindak-lanjut/"' in response.content.decode()
    empty = client.get("/lapor/tindak-lanjut/").content.decode()
    assert "Belum ada tindak lanjut yang diterbitkan." in empty


def test_anonymous_report_is_published_without_identity(client, opds):
    report = resolved_report(opds["dinkes"], privacy="anonim")
    page = publish_followup(report)
    for name, response in public_outputs(client, page).items():
        assert response.status_code == 200, name
        assert_no_identity(response.content.decode(), report)
