"""Helpers of the API resource tests: pages and media put in place directly."""

import io
import itertools

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.content.models import NewsPage
from cms.dip.models import DIPEntryPage, DIPIndexPage

_serial = itertools.count(1)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_item(parent, title, *, model=NewsPage, live=True, **fields):
    slug = fields.pop("slug", None) or f"item-{next(_serial)}"
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


def add_dip_entry(opd, title, *, kategori="berkala", live=True, **fields):
    if kategori == "dikecualikan":
        fields.setdefault("dasar_hukum", "Pasal 17 huruf a UU 14/2008")
    parent = DIPIndexPage.objects.child_of(opd).get()
    return add_item(
        parent, title, model=DIPEntryPage, kategori=kategori, live=live, **fields
    )


def make_image(title="Foto", *, width=1000, height=600, collection=None):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    image = get_image_model()(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name="foto.png")
    )
    if collection is not None:
        image.collection = collection
    image.save()
    return image


def make_document(title="Dokumen", *, collection=None, name="dokumen.pdf"):
    document = get_document_model()(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=name)
    )
    if collection is not None:
        document.collection = collection
    document.save()
    return document
