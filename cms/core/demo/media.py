"""Media the demo file cannot carry, added the way an editor would: an uploaded
image in the OPD's collection, placed in the page with its alt text."""

import io

from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from .infographic import infographic_png


def media_complete(page) -> bool:
    """Add what the page type needs; True when the page changed."""
    if page.type_code == "infografis":
        return _infographic_complete(page)
    return False


def _infographic_complete(page) -> bool:
    if len(page.images):
        return False
    page.images = [("image", _infographic_image(page))]
    return True


def _infographic_image(page):
    soup = BeautifulSoup(page.text_alternative, "html.parser")
    steps = [item.get_text(" ", strip=True) for item in soup.find_all("li")]
    footer = page.opd.title if page.opd else ""
    png = infographic_png(page.title, steps or [page.summary], footer)
    opd = page.opd
    collection = (opd.collection if opd else None) or Collection.get_first_root_node()
    image = get_image_model()(
        title=page.title,
        collection=collection,
        file=ImageFile(io.BytesIO(png), name=f"infografis-{page.slug}.png"),
    )
    image.save()
    # Short: the full text follows the image, and screen readers need it once.
    image.contextual_alt_text = (
        f"Infografis {page.title}. Isi lengkapnya ada pada teks di bawah gambar."
    )
    image.decorative = False
    return image
