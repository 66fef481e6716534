"""Pages put in place the way editors do (added as drafts, then published), shared
by every test package that needs content."""

import itertools

from cms.content.models import NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.series.models import SeriesPage

_serial = itertools.count(1)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_item(parent, title, *, model=NewsPage, live=True, **fields):
    slug = (
        fields.pop("slug", None) or f"{title.lower().replace(' ', '-')}-{next(_serial)}"
    )
    tags = fields.pop("tags", [])
    page = model(title=title, slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    if live:
        publish(page)
    else:
        page.save_revision()
    return page


def add_series(opd, title, **fields):
    return add_item(opd, title, model=SeriesPage, **fields)


def add_dip_entry(opd, title, *, kategori="berkala", live=True, **fields):
    if kategori == "dikecualikan":
        fields.setdefault("dasar_hukum", "Pasal 17 huruf a UU 14/2008")
    parent = DIPIndexPage.objects.child_of(opd).get()
    return add_item(
        parent, title, model=DIPEntryPage, kategori=kategori, live=live, **fields
    )
