"""The OPD directory and an OPD's own page."""

import pytest

from cms.opd.models import OPDLeader, OPDPage
from tests.factories import add_item, publish

from .helpers import html_of, json_ld, soup

pytestmark = pytest.mark.django_db


def test_directory_groups_opds_by_kind(client, opds, home):
    home.add_child(
        instance=OPDPage(
            title="Badan Kepegawaian Daerah", slug="bkd", short_name="BKD", kind="badan"
        )
    )
    hidden = OPDPage(
        title="Biro Rahasia", slug="biro-x", short_name="X", kind="biro", live=False
    )
    home.add_child(instance=hidden)
    page = soup(client.get("/opd/"))
    groups = {
        section.h2.get_text(strip=True): [
            a.strong.get_text(strip=True) for a in section.select(".opd-card")
        ]
        for section in page.select("section.section")
    }
    assert groups["Badan"] == ["Badan Kepegawaian Daerah"]
    assert "Dinas Kesehatan" in groups["Dinas"]
    assert "Biro" not in groups and "Biro Rahasia" not in html_of(client.get("/opd/"))


def test_opd_page_shows_profile_contacts_leaders_dip_and_feeds(client, opds):
    opd = opds["dinkes"]
    opd.profile = "<p>Melayani kesehatan warga Banten.</p>"
    opd.tupoksi = "<p>Menyusun kebijakan kesehatan.</p>"
    opd.address = "Jl. Syech Nawawi Al Bantani, Serang"
    opd.phone = "0254 123456"
    opd.email = "dinkes@bantenprov.go.id"
    opd.leaders = [OPDLeader(name="dr. Siti", position="Kepala Dinas")]
    publish(opd)
    response = client.get("/dinkes/")
    html = html_of(response)
    for text in (
        "Melayani kesehatan warga Banten.",
        "Menyusun kebijakan kesehatan.",
        "dr. Siti",
        "Kepala Dinas",
        "mailto:dinkes@bantenprov.go.id",
        'href="/dinkes/dip/"',
        'href="/feed/opd/dinkes/rss.xml"',
    ):
        assert text in html, text
    organization = json_ld(response)[0]
    assert organization["@type"] == "GovernmentOrganization"
    assert organization["name"] == opd.title
    assert organization["email"] == "dinkes@bantenprov.go.id"


def test_opd_page_paginates_its_own_items(client, opds):
    for number in range(13):
        add_item(opds["dinkes"], f"Kabar {number:02d}")
    add_item(opds["bpbd"], "Kabar BPBD")
    first = soup(client.get("/dinkes/"))
    assert len(first.select(".card")) == 12
    assert "Kabar BPBD" not in first.get_text()
    assert first.select_one(".pagination a[rel=next]")["href"] == "?halaman=2"
    second = soup(client.get("/dinkes/?halaman=2"))
    assert [h.get_text(strip=True) for h in second.select(".card-title")] == [
        "Kabar 00"
    ]
