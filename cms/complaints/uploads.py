"""Attachments of citizen reports: checked by content, cleaned, stored privately.

A citizen's photo carries where and when it was taken (EXIF GPS) and often the
phone that took it; a rahasia reporter must not be identified by it. So images
are decoded and re-encoded from their pixels alone, which drops every metadata
block (EXIF, XMP, comments, PNG text chunks, anything appended after the image)
whatever form it takes. The type comes from the content, never from the name or
the browser's content type: an HTML page renamed foto.jpg is refused, so nothing
stored can later be rendered as a page.
"""

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_FILES = int(getattr(settings, "COMPLAINTS_MAX_FILES", 5))
MAX_FILE_MB = int(getattr(settings, "COMPLAINTS_MAX_FILE_MB", 10))
MAX_BYTES = MAX_FILE_MB * 1024 * 1024
# Decoding costs memory by pixels, not bytes: 40 MP is ~120 MB as RGB.
MAX_PIXELS = 40_000_000
S3_LOCATION = "private/complaints"
SIGNED_URL_SECONDS = 300

# Sniffed kind -> (content type, extension). Kinds are Pillow format names.
TYPES = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "PDF": ("application/pdf", "pdf"),
}


@dataclass(frozen=True)
class CleanUpload:
    """A file fit to store: sniffed type, cleaned bytes, a safe name."""

    name: str
    content_type: str
    data: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)

    def content_file(self) -> ContentFile:
        """For ``Attachment(file=...)``: the storage adds its own unique suffix."""
        return ContentFile(self.data, name=self.name)


class _Refused(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def validate_uploads(files) -> list[CleanUpload]:
    """Check and clean every file; refuse with one message per refused file."""
    files = list(files)
    if len(files) > MAX_FILES:
        raise ValidationError(
            _("Paling banyak %(max)d berkas per kiriman; Anda mengirim %(count)d.")
            % {"max": MAX_FILES, "count": len(files)},
            code="too_many_files",
        )
    clean, errors = [], []
    for upload in files:
        try:
            clean.append(_clean(upload))
        except _Refused as refused:
            errors.append(ValidationError(refused.message, code=refused.code))
    if errors:
        raise ValidationError(errors)
    return clean


def _clean(upload) -> CleanUpload:
    shown = display_name(getattr(upload, "name", ""))
    too_big = _("Berkas %(name)s lebih besar dari %(mb)d MB.") % {
        "name": shown,
        "mb": MAX_FILE_MB,
    }
    # The declared size refuses a huge file unread; the bounded read catches a
    # file whose declared size lies.
    if (getattr(upload, "size", None) or 0) > MAX_BYTES:
        raise _Refused(too_big, "file_too_large")
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _Refused(too_big, "file_too_large")
    if not data:
        raise _Refused(_("Berkas %(name)s kosong.") % {"name": shown}, "empty_file")
    kind = sniff(data)
    if kind is None:
        raise _Refused(
            _("Berkas %(name)s bukan gambar JPEG/PNG/WebP atau PDF.") % {"name": shown},
            "file_type",
        )
    if kind == "PDF":
        _check_pdf(data, shown)
    else:
        data = _reencode(data, kind, shown)
    content_type, extension = TYPES[kind]
    return CleanUpload(
        name=safe_name(getattr(upload, "name", ""), extension),
        content_type=content_type,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def sniff(data: bytes) -> str | None:
    """The kind by magic bytes; a PDF header must open the file (no polyglots)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data.startswith(b"%PDF-"):
        return "PDF"
    return None


def _damaged(shown: str) -> _Refused:
    return _Refused(
        _("Berkas %(name)s rusak atau tidak lengkap sehingga tidak dapat dibuka.")
        % {"name": shown},
        "file_damaged",
    )


def _too_many_pixels(shown: str) -> _Refused:
    return _Refused(
        _(
            "Gambar %(name)s terlalu besar (lebih dari %(mp)d megapiksel); "
            "perkecil lalu kirim ulang."
        )
        % {"name": shown, "mp": MAX_PIXELS // 1_000_000},
        "image_too_large",
    )


def _reencode(data: bytes, kind: str, shown: str) -> bytes:
    """Decode the first frame and encode its pixels afresh, upright.

    An animation keeps its first frame only: a report needs a picture, and
    every further frame is decoding work an attacker chooses.
    """
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as probe:
            probe.verify()  # PNG chunk CRCs; the decode below checks the rest
        image = Image.open(io.BytesIO(data), formats=[kind])
        _shrink_or_refuse(image, kind, shown)
        image.load()  # a truncated file fails here
        frame = ImageOps.exif_transpose(image)
    except _Refused:
        raise
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(shown) from exc
    except Exception as exc:  # any decoder complaint means a file we cannot trust
        raise _damaged(shown) from exc
    out = io.BytesIO()
    if kind == "JPEG":
        frame = frame if frame.mode in ("L", "RGB", "CMYK") else frame.convert("RGB")
        _strip_info(frame).save(out, "JPEG", quality=90, optimize=True)
    elif kind == "PNG":
        _strip_info(frame).save(out, "PNG")
    else:
        frame = frame if frame.mode in ("RGB", "RGBA") else frame.convert("RGBA")
        lossless = data[12:16] == b"VP8L"  # a lossless source stays lossless
        _strip_info(frame).save(out, "WEBP", quality=90, lossless=lossless)
    return out.getvalue()


def _shrink_or_refuse(image, kind: str, shown: str) -> None:
    """Refuse too many pixels before decoding; a big JPEG (a 48-108 MP phone
    photo) is instead decoded at 1/2, 1/4 or 1/8 scale, which libjpeg does
    without ever holding the full-size picture."""
    width, height = image.size
    if kind == "JPEG" and width * height > MAX_PIXELS:
        for scale in (2, 4, 8):
            if (width // scale) * (height // scale) <= MAX_PIXELS:
                image.draft(image.mode, (width // scale, height // scale))
                break
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(shown)


def _strip_info(image):
    """Keep only what draws the pixels right: palette transparency and the
    colour profile (a phone's Display P3 would look dull without it)."""
    image.info = {
        key: image.info[key]
        for key in ("transparency", "icc_profile")
        if image.info.get(key) is not None
    }
    return image


def _check_pdf(data: bytes, shown: str) -> None:
    """Parse the structure and the page tree; extract nothing.

    A PDF that asks for a password to open is refused: neither the verifier nor
    the OPD could read it. One with only an owner password (printing or
    copying restricted) opens in any viewer and is accepted.
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Refused(
                _("PDF %(name)s dilindungi kata sandi; kirim versi tanpa kata sandi.")
                % {"name": shown},
                "pdf_encrypted",
            )
        reader.pages[0]  # walks the whole page tree, not just its /Count
    except _Refused:
        raise
    except Exception as exc:  # pypdf raises many kinds of error
        raise _damaged(shown) from exc


def display_name(name: str) -> str:
    """The file's own name for messages: no folders, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(char for char in base if char.isprintable()).strip()
    return (base[:77] + "...") if len(base) > 80 else (base or "tanpa nama")


def safe_name(name: str, extension: str) -> str:
    """ASCII letters, digits and dashes, then the extension of the sniffed type."""
    base = re.split(r"[\\/]", name or "")[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = slugify(stem.replace(".", " "))[:80].strip("-_")
    return f"{stem or 'lampiran'}.{extension}"


class PrivateFileSystemStorage(FileSystemStorage):
    """Local disk outside MEDIA_ROOT, with no URL: nothing can link to a file."""

    def url(self, name):
        raise NotImplementedError(
            "Complaint attachments have no URL; serve them through a "
            "permission-checked view."
        )


def private_storage() -> Storage:
    """Where attachments live; never public. Used as ``FileField(storage=...)``."""
    if getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        from storages.backends.s3 import S3Storage

        return S3Storage(**_s3_options())
    root = Path(
        getattr(settings, "COMPLAINTS_PRIVATE_ROOT", "")
        or Path(settings.BASE_DIR) / "var" / "private" / "complaints"
    ).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    if root == media or media in root.parents:
        raise ImproperlyConfigured(
            "COMPLAINTS_PRIVATE_ROOT must lie outside MEDIA_ROOT, which is served."
        )
    return PrivateFileSystemStorage(location=str(root), base_url=None)


def _s3_options() -> dict:
    """The media bucket's connection, with private objects under their own
    prefix and only short-lived signed URLs (no custom domain: that would be an
    unsigned public address)."""
    default = settings.STORAGES.get("default", {})
    options = {}
    if default.get("BACKEND", "").endswith("S3Storage"):
        options.update(default.get("OPTIONS", {}))
    options.update(
        bucket_name=settings.AWS_STORAGE_BUCKET_NAME,
        location=S3_LOCATION,
        default_acl="private",
        querystring_auth=True,
        querystring_expire=SIGNED_URL_SECONDS,
        custom_domain=None,
        file_overwrite=False,
    )
    options.setdefault("signature_version", "s3v4")  # expiry bound into the signature
    return options
