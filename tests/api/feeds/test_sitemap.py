"""sitemap.xml lists every public page with lastmod, and nothing else."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import add_dip_entry, add_item, add_series, make_private

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def all_urls(client) -> dict[str, str | None]:
    """Location -> lastmod over every section the index names."""
    index = parse(client.get("/sitemap.xml"))
    urls = {}
    for sitemap in index.findall(f"{NS}sitemap"):
        section = sitemap.findtext(f"{NS}loc").removeprefix("http://testserver")
        for url in parse(client.get(section)).findall(f"{NS}url"):
            urls[url.findtext(f"{NS}loc")] = url.findtext(f"{NS}lastmod")
    return urls


@pytest.fixture
def site(opds):
    kominfo = opds["diskominfo"]
    pages = {
        "item": add_item(kominfo, "Rilis publik"),
        "draft": add_item(kominfo, "Rilis draf", live=False),
        "private": add_item(kominfo, "Rilis terbatas"),
        "entry": add_dip_entry(kominfo, "Laporan keuangan 2025", tahun=2025),
        "exempted": add_dip_entry(kominfo, "Dokumen lelang", kategori="dikecualikan"),
        "dip_draft": add_dip_entry(kominfo, "Entri draf", live=False),
    }
    make_private(pages["private"])
    pages["series"] = add_series(kominfo, "Seri uji", slug="seri-uji")
    return pages


def test_index_names_one_sitemap_per_section(client, site):
    index = parse(client.get("/sitemap.xml"))
    locations = [s.findtext(f"{NS}loc") for s in index.findall(f"{NS}sitemap")]
    assert locations == [
        "http://testserver/sitemap-halaman.xml",
        "http://testserver/sitemap-konten.xml",
        "http://testserver/sitemap-dip.xml",
        "http://testserver/sitemap-portal.xml",
    ]


def test_public_pages_are_listed_with_lastmod(client, site, opds):
    urls = all_urls(client)
    for path in [
        "/",
        "/diskominfo/",
        "/dinkes/",
        "/diskominfo/dip/",
        "/diskominfo/seri-uji/",
        site["item"].url,
        site["entry"].url,
        "/dip/",
    ]:
        assert f"http://testserver{path}" in urls, path
    published = ["/diskominfo/seri-uji/", site["item"].url, site["entry"].url, "/dip/"]
    assert all(urls[f"http://testserver{path}"] for path in published)


def test_lastmod_follows_publishing(client, opds):
    """Pages made without a revision (the tree's setup) have no date to give."""
    assert all_urls(client)["http://testserver/diskominfo/"] is None
    opds["diskominfo"].save_revision().publish()
    assert all_urls(client)["http://testserver/diskominfo/"]


def test_drafts_private_pages_and_exempted_entries_are_left_out(client, site):
    listed = " ".join(all_urls(client))
    assert site["draft"].slug not in listed
    assert site["private"].slug not in listed
    assert site["exempted"].slug not in listed
    assert site["dip_draft"].slug not in listed


def test_a_private_opd_takes_its_pages_out(client, site, opds):
    make_private(opds["diskominfo"])
    listed = " ".join(all_urls(client))
    assert "/diskominfo/" not in listed
    assert "/dinkes/" in listed


def test_section_queries_do_not_grow_with_the_pages(
    client, opds, django_assert_max_num_queries
):
    for n in range(30):
        add_item(opds["bpbd"], f"Butir {n}")
    with django_assert_max_num_queries(8):
        response = client.get("/sitemap-konten.xml")
    assert response.content.count(b"<url>") == 30


def test_unknown_section_is_404(client, site):
    assert client.get("/sitemap-rahasia.xml").status_code == 404


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
