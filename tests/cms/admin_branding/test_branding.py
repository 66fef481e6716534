"""The admin is Sipanganten's, not Wagtail's: the login page, titles and logo carry
the province's name, and avatars are initials drawn locally (no Gravatar, which the
province's network cannot reach, and no broken image)."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from cms.core.avatars import BACKGROUNDS, initials
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN, ENROL = "/admin/login/", "/admin/dua-faktor/daftar/"
ID = {"HTTP_ACCEPT_LANGUAGE": "id"}


class _Page(HTMLParser):
    """The text a reader sees (no scripts, templates or noscript), the title and
    every image's src."""

    HIDDEN = {"script", "style", "template", "noscript", "title"}

    def __init__(self, html):
        super().__init__()
        self.text, self.title, self.images, self._open = [], "", [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))
        elif tag in self.HIDDEN:
            self._open.append(tag)

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open == ["title"]:
            self.title += data
        elif not self._open:
            self.text.append(data)

    @property
    def visible(self):
        return " ".join(" ".join(self.text).split())


def _static_exists(src):
    path = re.sub(r"^/static/", "", src.split("?")[0])
    return bool(finders.find(path))


def test_login_page_is_sipanganten_in_indonesian(client):
    html = client.get(LOGIN, **ID).content.decode()
    page = _Page(html)
    assert "Masuk ke Sipanganten" in page.visible
    assert "Pemerintah Provinsi Banten" in page.visible
    assert "Wagtail" not in page.visible
    assert "Sipanganten" in page.title and "Wagtail" not in page.title
    assert 'aria-label="Wagtail"' not in html  # the bird logo

    logos = [img for img in page.images if "Sipanganten" in img.get("alt", "")]
    assert logos and all(_static_exists(img["src"]) for img in logos)
    assert logos[0]["alt"] == "Sipanganten — Pemerintah Provinsi Banten"


def test_favicon_is_ours(client):
    html = client.get(LOGIN, **ID).content.decode()
    icons = re.findall(r'<link rel="[^"]*icon[^"]*"[^>]*href="([^"]+)"', html)
    assert icons and all(_static_exists(href) for href in icons)
    assert "favicon.ico" not in html


def _sidebar_avatar(html):
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    return json.dumps(json.loads(props.group(1)))


def test_dashboard_has_local_initials_avatar_and_our_title(client, opds):
    editor = UserFactory(
        opd=opds["dinkes"],
        role="editor",
        username="dinkes.ed",
        first_name="Siti",
        last_name="Rahmawati",
    )
    client.force_login(editor)
    html = client.get("/admin/", **ID).content.decode()
    page = _Page(html)

    assert "Sipanganten" in page.title and "Wagtail" not in page.title
    assert "gravatar" not in html.lower()
    assert "default-user-avatar" not in html
    # Every image is drawn inline or is a static file that exists: nothing broken.
    for img in page.images:
        src = img["src"]
        assert src.startswith("data:image/svg+xml,") or _static_exists(src), src

    # The sidebar's account menu shows the editor's initials on a dark colour.
    sidebar = _sidebar_avatar(html)
    url = re.search(r'data:image/svg\+xml,[^"\\]+', sidebar).group(0)
    svg = unquote(url.split(",", 1)[1])
    assert ">SR</text>" in svg
    assert any(f'fill="{colour}"' in svg for colour in BACKGROUNDS)
    assert 'fill="#fff"' in svg


def test_account_page_avatar_is_initials(client, opds):
    editor = UserFactory(opd=opds["dinkes"], role="editor", username="budi.santoso")
    client.force_login(editor)
    html = client.get("/admin/account/", **ID).content.decode()
    assert "gravatar" not in html.lower()
    assert "data:image/svg+xml," in html


@pytest.mark.parametrize(
    ("first", "last", "username", "expected"),
    [
        ("Siti", "Rahmawati", "x", "SR"),
        ("Ahmad", "", "x", "AH"),
        ("", "", "dinkes.editor.3", "DE"),
        ("", "", "admin", "AD"),
        ("", "", "", "?"),
    ],
)
def test_initials(first, last, username, expected):
    user = get_user_model()(first_name=first, last_name=last, username=username)
    assert initials(user) == expected


def test_two_factor_pages_carry_the_branding(client, settings):
    settings.ADMIN_2FA_REQUIRED = True
    admin = UserFactory(superuser=True, username="admin")
    client.post(
        LOGIN,
        {"username": "admin", "password": "x", "next": "/admin/"},
        REMOTE_ADDR="10.2.2.3",
        **ID,
    )
    html = client.get(ENROL, **ID).content.decode()
    page = _Page(html)
    assert admin.is_superuser and "Sipanganten" in page.title
    assert "Wagtail" not in page.title and "favicon.ico" not in html


def test_admin_not_found_page_has_our_logo(client, opds):
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    response = client.get("/admin/tidak-ada/", **ID)
    html = response.content.decode()
    assert response.status_code == 404
    assert "Sipanganten — Pemerintah Provinsi Banten" in html
    assert "icon-wagtail" not in html and "Wagtail" not in _Page(html).title
