"""Helpers of the API resource tests: pages and media put in place directly."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.pages import add_dip_entry, add_item, publish  # noqa: F401 (re-exported)


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
