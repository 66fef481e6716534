"""Images and media files on portal pages: responsive, and never one the public may
not see (an OPD's "dikecualikan" media, a document an exempted DIP entry withholds
must not leak through a page)."""

import re

from django import template
from wagtail.images.models import Filter, Picture

from cms.core.visibility import public_view

register = template.Library()

# Rendition widths offered to the browser; it picks by ``sizes`` and screen density.
WIDTHS = {
    "kartu": (320, 480, 640),
    "utama": (480, 800, 1200),
    "isi": (480, 800, 1200, 1600),
    "kecil": (96, 192),
}
SIZES = {
    "kartu": "(min-width: 60em) 18rem, (min-width: 40em) 45vw, 100vw",
    "utama": "(min-width: 60em) 46rem, 100vw",
    "isi": "(min-width: 60em) 46rem, 100vw",
    "kecil": "6rem",
}


def is_private_media(context, media) -> bool:
    """The visibility rule, its rows read once per request (a page may show many
    images)."""
    return not public_view(context.get("request")).media_is_public(media)


@register.simple_tag(takes_context=True)
def public_media(context, media):
    """The image or document itself, or None if the public may not see it:
    ``{% public_media page.document as document %}``."""
    if media is None or is_private_media(context, media):
        return None
    return media


@register.simple_tag(takes_context=True)
def responsive_image(context, image, role="kartu", alt="", eager=False, css=""):
    """``<picture>`` with WebP and a JPEG/PNG fallback, ``srcset``, ``sizes``,
    width/height (no layout shift), and lazy loading unless ``eager`` (the first
    image a reader sees should not wait)."""
    if image is None or is_private_media(context, image):
        return ""
    widths = [w for w in WIDTHS[role] if w <= image.width] or [WIDTHS[role][0]]
    fallback = "png" if _keeps_transparency(image) else "jpeg"
    specs = [
        f"width-{width}|format-{fmt}" for fmt in ("webp", fallback) for width in widths
    ]
    renditions = image.get_renditions(*specs)
    attrs = {"alt": alt, "sizes": SIZES[role], "decoding": "async"}
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    if css:
        attrs["class"] = css
    return Picture(renditions, attrs).__html__()


@register.simple_tag(takes_context=True)
def image_url(context, image, spec="width-1200"):
    """One rendition's URL (full-size zoom link, Open Graph image)."""
    if image is None or is_private_media(context, image):
        return ""
    return image.get_rendition(Filter(spec=spec)).url


def _keeps_transparency(image) -> bool:
    name = (image.file.name or "").lower()
    return name.endswith((".png", ".gif"))


@register.simple_tag
def media_type(document):
    """The MIME type a ``<source>``/``<track>`` announces."""
    extension = (getattr(document, "file_extension", "") or "").lower()
    return {
        "mp4": "video/mp4",
        "webm": "video/webm",
        "mp3": "audio/mpeg",
        "m4a": "audio/mp4",
        "ogg": "audio/ogg",
        "vtt": "text/vtt",
    }.get(extension, "")


_YOUTUBE_ID = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)"
    r"|youtu\.be/)([A-Za-z0-9_-]{11})"
)


@register.filter
def youtube_id(url):
    """The video id of a YouTube address, for the privacy-enhanced player
    (youtube-nocookie.com sets no cookie until the reader presses play)."""
    match = _YOUTUBE_ID.search(str(url or ""))
    return match.group(1) if match else ""


@register.simple_tag(takes_context=True)
def share_image_url(context, page):
    """The picture a shared link shows (Open Graph): the item's hero, a series'
    cover or an OPD's logo, as a 1200×630 JPEG; "" when there is none."""
    image = None
    for field in ("hero_image", "cover_image", "logo"):
        image = getattr(page, field, None)
        if image is not None:
            break
    return image_url(context, image, "fill-1200x630-c50|format-jpeg")
