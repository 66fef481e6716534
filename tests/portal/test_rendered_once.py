"""The footer is rendered once per process, language and year
(portal/templatetags/portal_fragments.py): a reader gets exactly what a fresh
rendering gives, in their language, and the year moves on."""

from datetime import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from portal.templatetags import portal_fragments

FRESH = Template(
    "{% load i18n %}{% translate 'Kontak' %}|{% url 'opd-directory' %}|{{ year }}"
)
KEPT = Template(
    "{% load i18n portal_fragments %}{% rendered_once 'probe' year %}"
    "{% translate 'Kontak' %}|{% url 'opd-directory' %}|{{ year }}"
    "{% end_rendered_once %}"
)


@pytest.fixture(autouse=True)
def _empty():
    portal_fragments.forget()
    yield
    portal_fragments.forget()


def _render(template, language, year=2026):
    with translation.override(language):
        return template.render(Context({"year": year}))


def test_kept_fragment_equals_a_fresh_rendering_per_language():
    for language in ("id", "en", "id", "en"):
        assert _render(KEPT, language) == _render(FRESH, language)
    assert _render(KEPT, "en") != _render(KEPT, "id")  # "Contact" vs "Kontak"
    assert "Contact" in _render(KEPT, "en")


def test_the_key_keeps_fragments_apart():
    assert _render(KEPT, "id", 2026).endswith("|2026")
    assert _render(KEPT, "id", 2027).endswith("|2027")


def test_the_fragment_really_is_kept():
    first = _render(KEPT, "id")
    portal_fragments._kept[("probe", "id", 2026)] = "marker"
    assert _render(KEPT, "id") == "marker" != first


def test_the_footer_on_a_page_matches_a_fresh_one(client, db, settings):
    fresh = []
    for language in ("id", "en"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        portal_fragments.forget()
        first = client.get("/cari/").content.decode()
        again = client.get("/cari/?q=x").content.decode()
        footer = first[first.index("<footer") : first.index("</footer>")]
        assert footer in again
        assert f"© {timezone.localdate().year} " in footer
        fresh.append(footer)
    assert "Contact" in fresh[1] and "Kontak" in fresh[0]


def test_a_new_year_gets_a_new_footer(client, db, monkeypatch):
    client.get("/cari/")
    year = timezone.localdate().year + 1

    class NextYear(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(year, 1, 2, 9, tzinfo=tz)

    monkeypatch.setattr("django.template.defaulttags.datetime", NextYear)
    assert f"© {year} " in client.get("/cari/").content.decode()


HEADER = Template(
    "{% include 'components/site_header.html' %}"
)  # base.html's include, with the request in the context


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_kept_header_equals_a_fresh_one_on_every_section(language, rf):
    paths = ["/", "/cari/", "/opd/dinkes/", "/dip/", "/topik/x/", "/lapor/", "/a/b/"]

    def header(path, **extra):
        request = rf.get(path, {"q": "banjir"})
        with translation.override(language):
            return HEADER.render(Context({"request": request, **extra}))

    fresh = {}
    for path in paths:
        portal_fragments.forget()
        fresh[path] = header(path)
    portal_fragments.forget()
    for path in paths + paths[::-1]:  # every section after every other one
        assert header(path) == fresh[path], path
    current = {path: fresh[path].count('aria-current="page"') for path in paths}
    assert current == {p: 0 if p == "/a/b/" else 1 for p in paths}
    # the header's own search box keeps the reader's words
    assert 'value="banjir"' in header("/a/b/")
    assert 'value="banjir"' not in header("/cari/", page_has_search=True)
