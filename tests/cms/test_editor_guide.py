"""The admin's Help menu ("Bantuan") opens our Indonesian editor guide, written in
docs/panduan-editor and shown inside the admin; nothing links to Wagtail's English
guide any more."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cms.guide.pages import GUIDE_DIR, find_page, guide_pages, render_markdown
from tests.factories import UserFactory, add_item

pytestmark = pytest.mark.django_db

GUIDE = "/admin/panduan/"
ID = {"HTTP_ACCEPT_LANGUAGE": "id"}
SLUGS = sorted(path.stem for path in GUIDE_DIR.glob("*.md"))


@pytest.fixture
def editor(client, opds):
    user = UserFactory(opd=opds["diskominfo"], role="editor")
    client.force_login(user)
    return user


def _menu_items(response) -> list[dict]:
    """Every item of the sidebar's main menu, submenus flattened (the sidebar is a
    React component fed by JSON props)."""
    soup = BeautifulSoup(response.content, "lxml")
    props = json.loads(soup.find("script", id="wagtail-sidebar-props").string)
    found = []

    def walk(value):
        if isinstance(value, dict):
            if {"name", "label"} <= value.keys():
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return found


def _soup(client, url):
    response = client.get(url, **ID)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "lxml")


def test_help_menu_opens_our_guide(client, editor):
    response = client.get(reverse("wagtailadmin_home"), **ID)
    items = _menu_items(response)
    help_items = [item for item in items if item["name"] == "help"]
    assert [(i["label"], i.get("url")) for i in help_items] == [("Bantuan", GUIDE)]
    assert "guide.wagtail.org" not in response.content.decode()
    assert not [i for i in items if "wagtail.org" in str(i.get("url"))]


def test_help_menu_is_help_in_english(client, editor):
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    labels = [i["label"] for i in _menu_items(response) if i["name"] == "help"]
    assert labels == ["Help"]


def test_dashboard_links_to_our_guide(client, editor):
    soup = _soup(client, reverse("wagtailadmin_home"))
    links = [a["href"] for a in soup.find_all("a", href=True)]
    assert GUIDE in links
    assert not [href for href in links if "wagtail.org" in href]


def test_edit_page_has_no_link_to_wagtails_guide(client, editor, opds):
    """The content checks panel linked to guide.wagtail.org (English)."""
    item = add_item(opds["diskominfo"], "Rilis vaksinasi", live=False, user=editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[item.pk]), **ID)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Penjelasan data ini" in body  # the panel is there, without the link
    assert "wagtail.org" not in body


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_renders_with_one_h1_and_the_full_toc(client, editor, slug):
    url = GUIDE if slug == "index" else f"{GUIDE}{slug}/"
    soup = _soup(client, url)
    h1 = soup.find_all("h1")
    assert len(h1) == 1
    assert h1[0].get_text(strip=True) == find_page(slug).title
    toc = soup.find("nav", class_="guide__toc")
    toc_links = [a["href"] for a in toc.find_all("a")]
    assert toc_links == [page.url for page in guide_pages()]
    assert toc.find("a", attrs={"aria-current": "page"})["href"] == url
    # Headings go down one level at a time (h1, h2, h3; never h1 then h3).
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    body = soup.find("article", class_="guide__body")
    body_levels = [int(h.name[1]) for h in body.find_all(re.compile(r"^h[1-6]$"))]
    assert body_levels and min(body_levels) == 2
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_pages_are_in_reading_order_with_previous_and_next(client, editor):
    pages = guide_pages()
    assert pages[0].slug == "index" and set(SLUGS) == {p.slug for p in pages}
    first = _soup(client, GUIDE)
    assert first.find("a", rel="prev") is None
    assert first.find("a", rel="next")["href"] == pages[1].url
    middle = _soup(client, pages[1].url)
    assert middle.find("a", rel="prev")["href"] == GUIDE
    assert middle.find("a", rel="next")["href"] == pages[2].url
    last = _soup(client, pages[-1].url)
    assert last.find("a", rel="next") is None


def test_links_between_guide_files_point_into_the_admin(client, editor):
    """A reader of the raw files follows ``alur-redaksi.md``; in the admin the same
    link opens the admin page, and no link is left to a .md file."""
    for page in guide_pages():
        soup = _soup(client, page.url)
        body = soup.find("article", class_="guide__body")
        hrefs = [a["href"] for a in body.find_all("a", href=True)]
        assert not [h for h in hrefs if ".md" in h], page.slug
    index = _soup(client, GUIDE).find("article", class_="guide__body")
    linked = {a["href"].split("#")[0] for a in index.find_all("a", href=True)}
    assert {page.url for page in guide_pages()[1:]} <= linked


def test_links_to_a_section_find_it(client, editor):
    ids = {
        page.url: {tag["id"] for tag in _soup(client, page.url).find_all(id=True)}
        for page in guide_pages()
    }
    for page in guide_pages():
        body = _soup(client, page.url).find("article", class_="guide__body")
        for link in body.find_all("a", href=re.compile("#")):
            url, fragment = link["href"].split("#")
            assert fragment in ids[url or page.url], (page.slug, link["href"])


def test_raw_html_and_script_links_are_not_rendered():
    html = render_markdown(
        "# Judul\n\nAjukan ke redaksi <OPD> <script>x()</script>\n\n"
        "[klik](javascript:alert(1)) [alur](alur-redaksi.md#tahap)",
        {"alur-redaksi": "/admin/panduan/alur-redaksi/"},
    )
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("h1") is None and soup.find("script") is None
    assert "Ajukan ke redaksi <OPD> <script>x()</script>" in soup.get_text()
    assert [a.get("href") for a in soup.find_all("a")] == [
        None,
        "/admin/panduan/alur-redaksi/#tahap",
    ]


@pytest.mark.parametrize(
    "url",
    [
        f"{GUIDE}tidak-ada/",
        f"{GUIDE}../README/",
        f"{GUIDE}..%2FREADME/",
        f"{GUIDE}..%2F..%2FREADME/",
        f"{GUIDE}index.md/",
        f"{GUIDE}index/",
        f"{GUIDE}%2E%2E/",
    ],
)
def test_unknown_or_outside_pages_are_not_found(client, editor, url):
    assert client.get(url, **ID).status_code == 404


def test_only_files_of_the_guide_folder_are_pages():
    assert find_page("../README") is None
    assert find_page("../admin-glossary") is None
    assert find_page("README") is None
    assert find_page("index") is not None


def test_anonymous_users_are_sent_to_login(client):
    for url in (GUIDE, f"{GUIDE}{SLUGS[-1]}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_every_admin_user_may_read_it(client, opds):
    reviewer = UserFactory(opd=opds["dinkes"], role="reviewer")
    client.force_login(reviewer)
    assert client.get(GUIDE, **ID).status_code == 200
