"""manage.py purge_renditions against the S3 server (moto): renditions stored as the
wrong kind (a public image's signed under images/, as every rendition made before
public renditions existed; a private image's under public/) and rendition files no
row references are deleted, and made again in the right place when next shown.

The bucket is shared by parallel test runs: each test writes under a prefix of its
own (the storage's ``location``) and removes it afterwards."""

import os
import uuid
from contextlib import contextmanager
from io import StringIO

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from cms.core.commit import take_pending
from cms.core.content_generation import bump_content_generation
from tests.factories import ImageFactory, add_item

from .test_public_renditions import SIGNED, anonymous_get

pytestmark = pytest.mark.django_db

SPEC = "fill-300x200"


@pytest.fixture(autouse=True)
def own_prefix(settings):
    prefix = f"test-purge-{uuid.uuid4().hex}"
    default = settings.STORAGES["default"]
    options = {**default["OPTIONS"], "location": prefix}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**default, "OPTIONS": options},
    }
    yield prefix
    bucket = boto3.resource(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        region_name=os.environ.get("AWS_S3_REGION_NAME", "us-east-1"),
    ).Bucket(os.environ["AWS_STORAGE_BUCKET_NAME"])
    bucket.objects.filter(Prefix=prefix + "/").delete()


@contextmanager
def stored_as(*, public: bool):
    """Renditions made inside are stored as ``public`` says, whatever the image's
    collection (as before public renditions existed, or a stale leftover)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("cms.core.media_storage.image_is_public", lambda _image: public)
        yield


def fresh_image(**fields):
    """An image no earlier run made: Wagtail's rendition cache (the shared Redis)
    is keyed by image id and file hash, and ids restart with a new test database."""
    return ImageFactory(file_hash=uuid.uuid4().hex, **fields)


def setup_committed():
    """pytest-django never commits: deliver the change events the setup left
    waiting for its commit, so that the purge's own events are delivered at its
    own (one delivery per transaction)."""
    for hook in take_pending(lambda func: func.__module__ == "cms.core.changes.bus"):
        hook()


def purge(*options, capture) -> str:
    out = StringIO()
    with capture(execute=True):  # Wagtail deletes files after the commit
        call_command("purge_renditions", *options, stdout=out)
    return out.getvalue()


def test_wrong_kind_renditions_are_purged_and_made_again_right(
    client, opds, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_PAGE_CACHE_TTL = 300  # the cached home must drop the old URLs
    bump_content_generation()  # nothing another test cached
    public_image = fresh_image(title="Posyandu")
    private_image = fresh_image(collection=opds["dinkes"].exempt_collection)
    right_image = fresh_image()
    with stored_as(public=False):
        # All made signed, as before public renditions existed: publishing also
        # renders the item's API detail, with its image's API sizes.
        add_item(
            opds["dinkes"],
            "Posyandu keliling",
            hero_image=public_image,
            hero_alt="Balita",
        )
        setup_committed()
        html = client.get("/").content.decode()  # the home page's sizes, signed
        old = public_image.get_rendition(SPEC)
    assert SIGNED in html and "/public/images/" not in html
    assert client.get("/").content.decode() == html  # cached
    assert old.file.name.startswith("images/") and SIGNED in old.url
    with stored_as(public=True):
        leaked = private_image.get_rendition(SPEC)
    assert leaked.file.name.startswith("public/")
    assert anonymous_get(leaked.url) == 200  # anyone may read a private image
    kept = right_image.get_rendition(SPEC)  # already right: stays
    wrong = public_image.renditions.count() + 1
    assert wrong > 2

    out = purge("--dry-run", capture=django_capture_on_commit_callbacks)
    assert f"Would delete {wrong} renditions of the wrong kind (2 images)" in out
    assert default_storage.exists(old.file.name)

    out = purge(capture=django_capture_on_commit_callbacks)
    assert f"Deleted {wrong} renditions of the wrong kind (2 images)" in out
    assert not default_storage.exists(old.file.name)
    assert not default_storage.exists(leaked.file.name)
    assert anonymous_get(leaked.url) != 200
    assert kept.image.renditions.filter(pk=kept.pk).exists()

    remade = public_image.get_rendition(SPEC)
    assert remade.file.name.startswith("public/images/") and SIGNED not in remade.url
    assert anonymous_get(remade.url) == 200
    private = private_image.get_rendition(SPEC)
    assert private.file.name.startswith("images/") and SIGNED in private.url
    # The cached home page (shown again above) is dropped with the old URLs.
    html = client.get("/").content.decode()
    assert SIGNED not in html and "/public/images/" in html


def test_unreferenced_rendition_files_go_once_old_enough(
    opds, django_capture_on_commit_callbacks
):
    orphan = default_storage.save(
        "public/images/yatim.fill-10x10.png", ContentFile(b"x")
    )
    referenced = fresh_image().get_rendition(SPEC)

    out = purge(capture=django_capture_on_commit_callbacks)  # made just now: kept
    assert "and 0 unreferenced rendition files" in out
    assert default_storage.exists(orphan)

    out = purge(
        "--min-age-minutes=0", "--dry-run", capture=django_capture_on_commit_callbacks
    )
    assert f"Would delete unreferenced file {orphan}" in out
    assert default_storage.exists(orphan)

    purge("--min-age-minutes=0", capture=django_capture_on_commit_callbacks)
    assert not default_storage.exists(orphan)
    assert default_storage.exists(referenced.file.name)
