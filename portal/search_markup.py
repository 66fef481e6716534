"""The search page's repeated markup, built in Python: result rows and facet
checkboxes.

The page rendered them through template includes and loops: about 4 ms of a
request's ~8 ms of rendering (61 facet values and 10 rows on a common query), more
than everything else the page adds to the search API. Each value here is escaped as
the template engine would (``conditional_escape``'s rule: markup built by
``search_display.safe_highlight`` stays, everything else becomes text).
tests/portal/test_search_markup.py pins the output.
"""

import html

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .templatetags.portal_format import iso_wib, tanggal


def esc(value) -> str:
    """``conditional_escape`` without its lazy-argument wrapper (called ~300 times
    a page): the same ``html.escape`` for text, markup marked safe kept."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def hits_html(rows: list[dict]) -> SafeString:
    return mark_safe("".join(_hit(row) for row in rows))  # noqa: S308 (escaped)


def _hit(row: dict) -> str:
    title = esc(row["title"])
    if row["url"]:
        title = f'<a href="{esc(row["url"])}">{title}</a>'
    meta = ""
    if row["promoted"]:
        meta = f'<strong class="badge">{esc(_("Pilihan redaksi"))}</strong> · '
    meta += str(esc(row["type_label"]))
    if row["opd"]:
        meta += f" · {esc(row['opd']['name'])}"
    if row["published"]:
        published = row["published"]
        meta += (
            f' · <time datetime="{esc(iso_wib(published))}">'
            f"{esc(tanggal(published, 'pendek'))}</time>"
        )
    snippet = f'<p class="snippet">{esc(row["snippet"])}</p>' if row["snippet"] else ""
    promoted = " search-hit--promoted" if row["promoted"] else ""
    return (
        f'\n<li class="search-hit{promoted}">\n  <h3>{title}</h3>\n'
        f'  <p class="meta">{meta}</p>\n  {snippet}\n</li>\n'
    )


def facets_html(groups: list[dict], active_filters: list) -> SafeString:
    chosen = _("dipilih")
    count = ""
    if active_filters:
        count = f' <span class="count">({len(active_filters)} {esc(chosen)})</span>'
    parts = [
        f'\n\n\n<details class="search-filters" data-search-filters'
        f"{' open' if active_filters else ''}>\n"
        f'<summary><h2 id="saring-judul">{esc(_("Saring hasil"))}</h2>{count}'
        "</summary>\n"
    ]
    for group in groups:
        parts.append(_group(group, chosen))
    parts.append(
        '\n<button type="submit" form="cari-form" class="facet-apply">'
        f"{esc(_('Terapkan saringan'))}</button>\n</details>\n"
    )
    return mark_safe("".join(parts))  # noqa: S308 (escaped)


def _group(group: dict, chosen: str) -> str:
    name, title = esc(group["name"]), esc(group["title"])
    is_open = group["selected"] or group["name"] in ("opd", "type")
    selected = (
        f' <span class="count">({esc(chosen)})</span>' if group["selected"] else ""
    )
    values = "".join(
        f'\n      <li><input type="checkbox" form="cari-form" id="{esc(v["id"])}"'
        f' name="{name}" value="{esc(v["value"])}"'
        f"{' checked' if v['selected'] else ''}>"
        f'<label for="{esc(v["id"])}">{esc(v["label"])} '
        f'<span class="count">({esc(v["count"])})</span></label></li>'
        for v in group["values"]
    )
    return (
        f'\n<details class="facet"{" open" if is_open else ""}>\n'
        f"  <summary>{title}{selected}</summary>\n  <fieldset>\n"
        f'    <legend class="visually-hidden">{title}</legend>\n'
        f'    <ul class="facet-values">{values}\n    </ul>\n  </fieldset>\n</details>\n'
    )
