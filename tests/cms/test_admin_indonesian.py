"""An editor and a reviewer see the admin in Indonesian: no string of Wagtail's (or
Django's, taggit's) catalogs reaches their pages untranslated.

The pages are walked with real users; every visible text and every aria-label,
placeholder, title and tooltip is compared with the English msgids that stay English
under ``translation.override("id")`` (gettext(msgid) == msgid) once the project's
catalog (locale/id) is applied. Inline scripts (JSON data of the React widgets) are
skipped, except JSON props (the sidebar); the JavaScript's own strings come from the
djangojs catalog, checked in full below.
"""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from tests.factories import DocumentFactory, ImageFactory, UserFactory, add_item

pytestmark = pytest.mark.django_db

_spec = importlib.util.spec_from_file_location(
    "wagtail_id_catalog",
    Path(__file__).resolve().parents[2] / "scripts" / "wagtail_id_catalog.py",
)
catalogs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogs)

# Same word in both languages, or names: not a missing translation.
ALLOWED = {"Wagtail", "Sipanganten", "Status", "URL", "Slug", "ID", "OK", "Admin"}
ATTRIBUTES = ("aria-label", "placeholder", "title", "data-w-tooltip-content-value")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _english(key) -> str | None:
    """The English text of a catalog entry if it stays English in Indonesian."""
    ctxt, msgid, plural = key
    if plural:
        text = translation.ngettext(msgid, plural, 2)
        return plural if text == plural else None
    text = translation.pgettext(ctxt, msgid) if ctxt else translation.gettext(msgid)
    return msgid if text == msgid else None


def _pattern(text: str):
    """A regex matching the rendered text, or None when too short to be telling."""
    text = " ".join(re.sub(r"<[^>]+>", "", text).split())
    literal = PLACEHOLDER.sub(" ", text)
    words = re.findall(r"[A-Za-z]{2,}", literal)
    if not words or text in ALLOWED:
        return None
    parts = [re.escape(p) for p in PLACEHOLDER.split(text)]
    body = ".+?".join(parts)
    # Short strings must be the whole text; longer sentences may be embedded.
    return re.compile(body if len(words) >= 3 else rf"^{body}$")


@pytest.fixture(scope="module")
def untranslated():
    """English msgids that gettext leaves English under Indonesian, except those our
    catalog deliberately translates as themselves ("Status", "Format"). Wagtail's
    own catalog also "translates" "Bold" as "Bold": that does not count."""
    ours = catalogs.parse_po(catalogs.PROJECT / "django.po").items()
    same = {key for key, (strs, fuzzy) in ours if strs and strs[0] == key[1]}
    with translation.override("id"):
        keys = {k for keys in catalogs.source_keys().values() for k in keys}
        texts = {t for t in map(_english, keys - same) if t}
    return {t: p for t in texts if (p := _pattern(t))}


def _strings(response) -> set[str]:
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        body = json.loads(body).get("html", "")
    soup = BeautifulSoup(body, "lxml")
    found = set()
    # The sidebar ("Bantuan", "Laporan") is rendered from JSON props.
    for tag in soup.find_all("script", type="application/json"):
        found |= set(_json_strings(json.loads(tag.string or "null")))
    for tag in soup(["script", "style"]):
        tag.decompose()
    found |= {" ".join(s.split()) for s in soup.stripped_strings}
    for tag in soup.find_all(True):
        found |= {" ".join(tag[a].split()) for a in ATTRIBUTES if tag.get(a)}
    return {s.rstrip("*:").strip() for s in found} - {""}


def _json_strings(value):
    if isinstance(value, str):
        yield " ".join(value.split())
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _json_strings(item)


def _english_on(client, url, untranslated) -> dict:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200, url
    strings = _strings(response)
    found = {}
    for text, pattern in untranslated.items():
        if hits := sorted(s for s in strings if pattern.search(s)):
            found[text] = hits[:2]
    return found


@pytest.fixture
def scene(opds):
    opd = opds["diskominfo"]
    editor = UserFactory(opd=opd, role="editor")
    reviewer = UserFactory(opd=opd, role="reviewer")
    news = add_item(opd, "Rilis vaksinasi", live=False, user=editor)
    news.save_revision(user=editor)  # two revisions: something to compare
    state = news.get_workflow().start(news, editor)
    returned = add_item(opd, "Jadwal donor darah", live=False, user=editor)
    task_state = returned.get_workflow().start(returned, editor).current_task_state
    task_state.task.specific.on_action(
        task_state, reviewer, "reject", comment="Tambahkan lokasi donor."
    )
    ImageFactory(collection=opd.collection, title="Foto posyandu")
    DocumentFactory(collection=opd.collection, title="Laporan triwulan")
    return {
        "opd": opd,
        "editor": editor,
        "reviewer": reviewer,
        # Works across every OPD: picks the OPD under "Buat konten".
        "province": UserFactory(role="province"),
        # Edits two OPDs: one row of "Buat konten" links per OPD.
        "two_opds": UserFactory(
            opd=opd, role="editor", groups=[opds["dinkes"].editor_group]
        ),
        "page": news,
        "returned": returned,
        "state": state,
    }


def _pages(scene) -> list[str]:
    page, opd, state = scene["page"], scene["opd"], scene["state"]
    returned = scene["returned"]
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[opd.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[opd.pk]),
        reverse("wagtailadmin_pages:add", args=["content", "newspage", opd.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:edit", args=[returned.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[returned.pk]),
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[page.pk, "earliest", "latest"],
        ),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[returned.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_pages:search") + "?q=vaksinasi",
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        # The live admin's own screens and fragments, and the editor guide.
        reverse("live:notifications"),
        reverse("live:dashboard"),
        reverse("search_index_status", args=[page.pk]),
        reverse("guide:index"),
        reverse("guide:page", args=["pembaruan-langsung"]),
    ]


def _reviewer_pages(scene) -> list[str]:
    """The reviewer acts on the task and may lock pages: the action dialogs and the
    locked-pages report."""
    page, task = scene["page"], scene["state"].current_task_state
    return [
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task.pk])
        for name in ("approve", "reject")
    ] + [reverse("wagtailadmin_reports:locked_pages")]


def _province_pages(scene) -> list[str]:
    """ "Buat konten" without an OPD of one's own: the OPD is chosen first."""
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:choose_parent", args=["content", "newspage"]),
        reverse("wagtailadmin_explore", args=[scene["opd"].get_parent().pk]),
    ]


def _role_pages(scene, role) -> list[str]:
    if role == "province":
        return _province_pages(scene)
    if role == "two_opds":
        return [reverse("wagtailadmin_home")]
    urls = _pages(scene)
    return urls + (_reviewer_pages(scene) if role == "reviewer" else [])


@pytest.mark.parametrize("role", ["editor", "reviewer", "province", "two_opds"])
def test_admin_pages_have_no_english(client, scene, role, untranslated):
    client.force_login(scene[role])
    urls = _role_pages(scene, role)
    english = {url: _english_on(client, url, untranslated) for url in urls}
    english = {url: found for url, found in english.items() if found}
    assert not english, _report(english)


def _report(english: dict) -> str:
    """One line per page: how many strings stayed English, and which."""
    total = len({text for found in english.values() for text in found})
    lines = [f"{total} English strings; translate them in locale/id (see docs):"]
    lines += [
        f"{url} ({len(found)}): {sorted(found)}" for url, found in english.items()
    ]
    return "\n".join(lines)


def test_login_page_has_no_english(client, untranslated):
    english = _english_on(client, reverse("wagtailadmin_login"), untranslated)
    assert not english, _report({"login": english})


def test_admin_javascript_strings_are_indonesian():
    """The admin's JavaScript strings (djangojs, e.g. "Collapse all") too."""
    js = DjangoTranslation("id", domain="djangojs")
    keys = {k for keys in catalogs.source_keys("djangojs").values() for k in keys}
    english = sorted(
        msgid
        for _, msgid, plural in keys
        if not plural and js.gettext(msgid) == msgid and _pattern(msgid)
    )
    assert english == []
