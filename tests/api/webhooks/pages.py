"""Pages put in place the way editors do: added as drafts, then published."""

import itertools

from cms.content.models import NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.series.models import SeriesPage

_serial = itertools.count(1)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, title, *, model=NewsPage, live=True, **fields):
    slug = f"{title.lower().replace(' ', '-')}-{next(_serial)}"
    page = model(title=title, slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    page.save_revision()
    return publish(page) if live else page


def add_series(opd, title, **fields):
    return add_page(opd, title, model=SeriesPage, **fields)


def add_dip_entry(opd, title, *, kategori="berkala", **fields):
    if kategori == "dikecualikan":
        fields.setdefault("dasar_hukum", "Pasal 17 huruf a UU 14/2008")
    parent = DIPIndexPage.objects.child_of(opd).get()
    return add_page(parent, title, model=DIPEntryPage, kategori=kategori, **fields)
