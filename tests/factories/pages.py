"""Pages put in place the way editors do: added to the tree as a draft revision,
then published through Wagtail's revision publish (so Wagtail's and our signals
fire)."""

import itertools
from datetime import timedelta

from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.content.models import NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.opd.models import OPDPage
from cms.opd.services import province_home_ensure
from cms.series.models import SeriesPage

_serial = itertools.count(1)

OPDS = [
    ("diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian"),
    ("dinkes", "Dinas Kesehatan"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah"),
]


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def make_opds(home=None) -> dict:
    """The province home and three OPD pages, enough to test isolation between
    agencies (each OPD brings its groups, collections and DIP index)."""
    home = home or province_home_ensure()
    return {
        slug: home.add_child(
            instance=OPDPage(
                title=name, slug=slug, short_name=slug.upper(), kind="dinas"
            )
        )
        for slug, name in OPDS
    }


def publish(page):
    """A new revision of ``page`` as it is now, published."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_item(parent, title, *, model=NewsPage, live=True, user=None, **fields):
    """A ``model`` page under ``parent``: a draft revision (by ``user``), published
    when ``live``. The slug is ``slug`` as given, else made unique from the title."""
    slug = (
        fields.pop("slug", None) or f"{title.lower().replace(' ', '-')}-{next(_serial)}"
    )
    tags = fields.pop("tags", [])
    page = model(title=title, slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    revision = page.save_revision(user=user)
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def add_series(opd, title, **fields):
    return add_item(opd, title, model=SeriesPage, **fields)


def add_dip_entry(opd, title, *, kategori="berkala", live=True, **fields):
    """A DIP entry in the OPD's DIP index; an exempted one gets a legal basis."""
    if kategori == "dikecualikan":
        fields.setdefault("dasar_hukum", "Pasal 17 huruf a UU 14/2008")
    parent = DIPIndexPage.objects.child_of(opd).get()
    return add_item(
        parent, title, model=DIPEntryPage, kategori=kategori, live=live, **fields
    )


def make_private(page):
    """Only logged-in users may see ``page`` and what is below it."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def add_hostile_text(opd, text):
    """The OPD renamed to ``text``, and an item (tagged ``text``) and a DIP entry whose
    every text field says ``text``: for checks that text is escaped, never run."""
    opd.title = text
    publish(opd)
    item = add_item(opd, text, slug="banjir-teks", summary=text, tags=[text])
    entry = add_dip_entry(opd, text, slug="dip-teks", ringkasan=text, tahun=2025)
    return {"opd": opd, "item": item, "entry": entry, "tag": item.tags.get()}
