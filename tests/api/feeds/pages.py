"""Pages put in place directly, for the feed, sitemap and preview suites."""

import itertools
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from cms.content.models import NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage

_serial = itertools.count(1)


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def add_item(parent, title, *, model=NewsPage, live=True, **fields):
    """An item under ``parent``: published when ``live``, else only a draft."""
    slug = fields.pop("slug", None) or f"{title.lower().replace(' ', '-')}"
    page = model(title=title, slug=f"{slug}-{next(_serial)}", live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def add_dip_entry(opd, title, *, kategori="berkala", live=True, **fields):
    if kategori == "dikecualikan":
        fields.setdefault("dasar_hukum", "Pasal 17 huruf a UU 14/2008")
    parent = DIPIndexPage.objects.child_of(opd).get()
    return add_item(
        parent, title, model=DIPEntryPage, kategori=kategori, live=live, **fields
    )


def audio_document(collection, *, name="episode.mp3", size=2048):
    document = get_document_model()(title=name, collection=collection)
    document.file.save(name, ContentFile(b"\x00" * size), save=False)
    document.save()
    return document
