"""Renditions in the wrong place, made again in the right one on their next view.

Public image renditions live under ``public/`` with plain URLs, private ones under
``images/``, signed (``cms.core.media_storage``). Two kinds of leftovers escape
``renditions_follow_privacy``, which only acts when an image or collection changes:

- rendition rows of the wrong kind: every rendition made before public renditions
  existed is a public image's rendition under ``images/``, signed for ever;
- rendition files no row references: Wagtail deletes a rendition's file after the
  commit, once; if the storage failed then, the file stays (under ``public/``, a
  now-private image's rendition stays readable by anyone).

``renditions_purge`` deletes both (``manage.py purge_renditions``).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.core.changes import Change, ContentChange, emit
from cms.core.media_storage import (
    PRIVATE_RENDITIONS,
    PUBLIC_RENDITIONS,
    renditions_of_the_wrong_kind,
)

BATCH = 500  # images per transaction


@dataclass
class PurgeReport:
    renditions: int = 0  # rows of the wrong kind (and their files)
    images: int = 0  # the images they belong to
    orphan_files: list[str] = field(default_factory=list)


def renditions_purge(*, dry_run: bool, min_age: timedelta) -> PurgeReport:
    """Delete renditions of the wrong kind, then rendition files older than
    ``min_age`` that no rendition references (younger ones may belong to a
    rendition being made right now). ``dry_run``: only report."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    report = PurgeReport()
    wrong = renditions_of_the_wrong_kind()
    report.renditions = wrong.count()
    image_ids = sorted(set(wrong.values_list("image_id", flat=True)))
    report.images = len(image_ids)
    if not dry_run:
        for start in range(0, len(image_ids), BATCH):
            chunk = image_model.objects.filter(pk__in=image_ids[start : start + BATCH])
            _purge_images(chunk)
    report.orphan_files = _orphan_files(image_model.get_rendition_model(), min_age)
    if not dry_run:
        storage = _storage(image_model.get_rendition_model())
        for name in report.orphan_files:
            storage.delete(name)
    return report


@transaction.atomic
def _purge_images(images) -> None:
    # Wagtail deletes the files and its rendition cache entries after the commit.
    renditions_of_the_wrong_kind(images).delete()
    for image in images.only("pk", "collection_id"):
        # Their rendition URLs changed: cached pages and API answers showing them
        # are dropped as for any image change.
        emit(
            ContentChange(
                Change.IMAGE_CHANGED,
                image_id=image.pk,
                collection_id=image.collection_id,
            )
        )


def _storage(rendition_model):
    return rendition_model._meta.get_field("file").storage


def _orphan_files(rendition_model, min_age: timedelta) -> list[str]:
    storage = _storage(rendition_model)
    known = set(rendition_model.objects.values_list("file", flat=True))
    cutoff = timezone.now() - min_age
    orphans = []
    for folder in (PUBLIC_RENDITIONS, PRIVATE_RENDITIONS):
        try:
            _dirs, files = storage.listdir(folder)
        except FileNotFoundError:  # local disk, nothing rendered yet
            continue
        for file_name in files:
            name = f"{folder}/{file_name}"
            if name not in known and storage.get_modified_time(name) <= cutoff:
                orphans.append(name)
    return sorted(orphans)
