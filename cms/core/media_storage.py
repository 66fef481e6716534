"""Media on S3: private by default, signed URLs; public image renditions unsigned.

Every object is private and its URL signed, so a document's privacy stays with
Wagtail's serve view. Signing costs an HMAC per URL, though, and a page shows dozens
of renditions (a home page: 12 images x 7 sizes). Renditions of images in public
collections are therefore written under ``public/`` (``rendition_upload_to``),
readable by anyone (``AWS_S3_PUBLIC_ACL``, or a bucket policy on ``public/*``), and
their URL is a plain one on ``AWS_S3_PUBLIC_MEDIA_URL`` (the media domain or CDN) or
the bucket.
Renditions of images in private collections (``cms.core.visibility``) stay under
``images/``, private and signed. An image whose collection turns private (or public)
has its renditions of the wrong kind deleted (``renditions_follow_privacy``); they
are made again, in the right place, when next shown.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from wagtail.models import Collection

from cms.core.changes import Change, Stage, subscribe
from cms.core.visibility import private_collection_ids

PUBLIC_PREFIX = "public/"
PUBLIC_RENDITIONS = PUBLIC_PREFIX + "images"
PRIVATE_RENDITIONS = "images"  # Wagtail's own folder


class MediaS3Storage(S3Storage):
    """S3Storage, but names under ``public/`` are public objects with plain URLs.
    Its two settings are plain ones (``AWS_S3_PUBLIC_MEDIA_URL``,
    ``AWS_S3_PUBLIC_ACL``), so ``STORAGES["default"]["OPTIONS"]`` stays valid for
    S3Storage itself (the private storages reuse them, cms/complaints/uploads.py)."""

    def __init__(self, **options):
        super().__init__(**options)
        self.public_acl = getattr(settings, "AWS_S3_PUBLIC_ACL", "public-read") or None
        self._public_base = getattr(settings, "AWS_S3_PUBLIC_MEDIA_URL", "") or None

    def public_base_url(self) -> str:
        if not self._public_base:
            if self.custom_domain:
                base = f"{self.url_protocol}//{self.custom_domain}/"
            elif self.endpoint_url:
                base = f"{self.endpoint_url.rstrip('/')}/{self.bucket_name}/"
            else:
                region = self.region_name or "us-east-1"
                base = f"https://{self.bucket_name}.s3.{region}.amazonaws.com/"
            self._public_base = base
        return self._public_base.rstrip("/") + "/"

    def url(self, name, parameters=None, expire=None, http_method=None):
        if name.startswith(PUBLIC_PREFIX) and not parameters and http_method is None:
            key = self._normalize_name(name)
            return self.public_base_url() + filepath_to_uri(key)
        return super().url(name, parameters, expire, http_method)

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        relative = name.removeprefix(self.location).lstrip("/")
        if relative.startswith(PUBLIC_PREFIX) and self.public_acl:
            params = {**params, "ACL": self.public_acl}
        return params


def image_is_public(image) -> bool:
    return image.collection_id not in private_collection_ids()


def rendition_upload_to(rendition, filename: str) -> str:
    """Where a new rendition goes: ``public/images/`` for an image the public may
    see, Wagtail's ``images/`` otherwise (installed on Wagtail's Rendition model by
    ``install``)."""
    storage = rendition.file.field.storage
    folder = PUBLIC_RENDITIONS if image_is_public(rendition.image) else "images"
    return f"{folder}/{storage.get_valid_name(filename)}"


def renditions_follow_privacy(change) -> None:
    """``MAINTAIN`` subscriber: delete renditions stored as the wrong kind after an
    image moved collection or a collection's privacy changed (Wagtail deletes their
    files after the commit)."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    if change.kind == Change.IMAGE_CHANGED:
        if change.deleting:
            return
        images = image_model.objects.filter(pk=change.image_id)
    else:  # the collection and those below it
        path = (
            Collection.objects.filter(pk=change.collection_id)
            .values_list("path", flat=True)
            .first()
        )
        if path is None:
            return
        images = image_model.objects.filter(collection__path__startswith=path)
    renditions_of_the_wrong_kind(images).delete()


def renditions_of_the_wrong_kind(images=None):
    """Renditions (of ``images``, default all) stored as the other kind: a private
    image's under ``public/``, or a public image's under ``images/`` (signed for
    ever: e.g. made before public renditions existed)."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = image_model.objects.all() if images is None else images
    private = private_collection_ids()
    renditions = image_model.get_rendition_model().objects
    public = Q(file__startswith=PUBLIC_PREFIX)
    return renditions.filter(
        (Q(image__in=images.filter(collection_id__in=private)) & public)
        | (Q(image__in=images.exclude(collection_id__in=private)) & ~public)
    )


def install() -> None:
    """Called once from ``CoreConfig.ready``."""
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()
    rendition_model.get_upload_to = rendition_upload_to
    subscribe(
        renditions_follow_privacy,
        stage=Stage.MAINTAIN,
        kinds=[Change.IMAGE_CHANGED, Change.COLLECTION_PRIVACY_CHANGED],
    )
