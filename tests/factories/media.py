"""Images and documents in Wagtail's collections, stored on the real S3 server."""

import io

import factory
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


def picture_bytes(width, height, colour, image_format="PNG", stripes=False) -> bytes:
    """A real picture; ``stripes`` draws lines across it so that renditions and
    WebP conversion have detail to work on."""
    picture = PILImage.new("RGB", (width, height), colour)
    if stripes:
        draw = ImageDraw.Draw(picture)
        for step in range(0, width, 60):
            draw.line([(step, 0), (width - step, height)], fill=(240, 200, 40), width=6)
    buffer = io.BytesIO()
    options = {"quality": 85} if image_format == "JPEG" else {}
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    """A PNG of 1000 x 600 in the root collection unless told otherwise."""

    class Meta:
        model = get_image_model_string()

    class Params:
        width = 1000
        height = 600
        colour = (200, 30, 30)
        image_format = "PNG"
        stripes = False
        name = factory.LazyAttributeSequence(
            lambda o, n: f"foto{n}.{'jpg' if o.image_format == 'JPEG' else 'png'}"
        )

    title = "Foto"
    file = factory.LazyAttribute(
        lambda o: ImageFile(
            io.BytesIO(
                picture_bytes(o.width, o.height, o.colour, o.image_format, o.stripes)
            ),
            name=o.name,
        )
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small PDF named ``dokumen.pdf`` in the root collection unless told otherwise
    (the storage makes stored names unique)."""

    class Meta:
        model = get_document_model_string()

    class Params:
        name = "dokumen.pdf"
        content = b"%PDF-1.4 test"

    title = "Dokumen"
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.name))
