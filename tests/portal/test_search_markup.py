"""The search page's result rows and facet checkboxes (portal/search_markup.py):
the markup the page's templates gave, every value escaped as the templates would."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from portal.search_display import safe_highlight
from portal.search_markup import facets_html, hits_html

HIT = {
    "title": safe_highlight("Jadwal <mark>Imunisasi</mark> &amp; Posyandu"),
    "url": "/dinkes/jadwal/?a=1&b=2",
    "type": "pengumuman",
    "type_label": "Pengumuman",
    "opd": {"slug": "dinkes", "name": 'Dinas "Kesehatan" <Banten>'},
    "published": datetime(2025, 3, 5, 1, 30, tzinfo=ZoneInfo("UTC")),
    "snippet": "Summary <b>as text</b>",
    "promoted": True,
}


def test_a_result_row():
    with translation.override("id"):
        html = hits_html([HIT])
    assert html == (
        '\n<li class="search-hit search-hit--promoted">\n'
        '  <h3><a href="/dinkes/jadwal/?a=1&amp;b=2">Jadwal <mark>Imunisasi</mark>'
        " &amp; Posyandu</a></h3>\n"
        '  <p class="meta"><strong class="badge">Pilihan redaksi</strong> · '
        "Pengumuman · Dinas &quot;Kesehatan&quot; &lt;Banten&gt; · "
        '<time datetime="2025-03-05T08:30:00+07:00">5 Maret 2025</time></p>\n'
        '  <p class="snippet">Summary &lt;b&gt;as text&lt;/b&gt;</p>\n</li>\n'
    )


def test_a_plain_row_has_no_link_badge_date_or_snippet():
    row = HIT | {"url": None, "promoted": False, "opd": None}
    row |= {"published": None, "snippet": "", "title": "<i>Judul</i>"}
    assert hits_html([row]) == (
        '\n<li class="search-hit">\n  <h3>&lt;i&gt;Judul&lt;/i&gt;</h3>\n'
        '  <p class="meta">Pengumuman</p>\n  \n</li>\n'
    )


def test_facets_keep_their_state_and_escape_values():
    groups = [
        {
            "name": "opd",
            "title": "Perangkat daerah",
            "selected": True,
            "values": [
                {
                    "value": 'x"><script>',
                    "label": "<Dinas>",
                    "count": 3,
                    "selected": True,
                    "id": 'f-opd-x"><script>',
                },
            ],
        },
        {
            "name": "year",
            "title": "Tahun",
            "selected": False,
            "values": [
                {
                    "value": 2024,
                    "label": "2024",
                    "count": 12,
                    "selected": False,
                    "id": "f-year-2024",
                }
            ],
        },
    ]
    with translation.override("id"):
        html = facets_html(groups, active_filters=[{"facet": "opd"}])
    assert '<details class="search-filters" data-search-filters open>' in html
    assert '<span class="count">(1 dipilih)</span></summary>' in html
    assert (
        '<li><input type="checkbox" form="cari-form"'
        ' id="f-opd-x&quot;&gt;&lt;script&gt;"'
        ' name="opd" value="x&quot;&gt;&lt;script&gt;" checked>'
        '<label for="f-opd-x&quot;&gt;&lt;script&gt;">&lt;Dinas&gt; '
        '<span class="count">(3)</span></label></li>'
    ) in html
    assert '<details class="facet">\n  <summary>Tahun</summary>' in html
    assert 'name="year" value="2024">' in html
    assert "<script>" not in html
    assert html.endswith(
        '<button type="submit" form="cari-form" class="facet-apply">'
        "Terapkan saringan</button>\n</details>\n"
    )
