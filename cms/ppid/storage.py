"""Private storage of PPID documents (answers, legal documents of a badan hukum).

The same pattern as complaint attachments (``cms.complaints.uploads``): on S3
under ``private/ppid/`` with short-lived signed URLs, on disk outside MEDIA_ROOT
with no URL at all. Requesters reach a document only through a signed, expiring
link (``links.py``) served by a checking view.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import Storage

from cms.complaints import uploads

S3_LOCATION = "private/ppid"


def private_storage() -> Storage:
    """Used as ``FileField(storage=...)``; never public."""
    if getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        from storages.backends.s3 import S3Storage

        return S3Storage(**{**uploads._s3_options(), "location": S3_LOCATION})
    root = Path(
        getattr(settings, "PPID_PRIVATE_ROOT", "")
        or Path(settings.BASE_DIR) / "var" / "private" / "ppid"
    ).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    if root == media or media in root.parents:
        raise ImproperlyConfigured(
            "PPID_PRIVATE_ROOT must lie outside MEDIA_ROOT, which is served."
        )
    return uploads.PrivateFileSystemStorage(location=str(root), base_url=None)
