"""Child phases of the portal benchmark that write to the scratch database: photos
for the newest items (the generated corpus has none) and the search index."""

import io
import random
import time

PHOTOS = 8  # distinct photos, shared by the items that get one
PHOTO_TITLE = "Foto kegiatan (bench v2)"  # a new set replaces older ones
NEWEST = 40  # newest items overall that get a photo (home, listings)
PER_OPD = 12  # and the newest of the busiest OPD (its page lists them)


def busiest_opd_id() -> int:
    from django.db.models import Count

    from cms.content.selectors import public_items

    row = (
        public_items()
        .values("opd_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "opd_id")
        .first()
    )
    return row["opd_id"]


def photo_bytes(seed: int, size=(1600, 900)) -> bytes:
    """A photo-like JPEG: a gradient with hundreds of soft shapes and some grain.
    Its 320 px WebP rendition weighs about 13 KB, 640 px about 26 KB, like a news
    photo (a flat colour would weigh nothing, pure noise far too much)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = size
    top = [rng.randrange(40, 220) for _ in range(3)]
    bottom = [rng.randrange(20, 160) for _ in range(3)]
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(
                int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)
            ),
        )
    for _ in range(900):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(4, 90)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))
    grain = Image.effect_noise(size, 30).convert("RGB")
    picture = Image.blend(picture, grain, 0.06)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=82)
    return out.getvalue()


def ensure_bucket() -> None:
    """The scratch bucket on the loopback S3 server (created once)."""
    import boto3
    from django.conf import settings

    options = settings.STORAGES["default"].get("OPTIONS", {})
    bucket = options.get("bucket_name")
    if not bucket:
        return  # local media storage
    s3 = boto3.client(
        "s3",
        endpoint_url=options.get("endpoint_url"),
        aws_access_key_id=options.get("access_key"),
        aws_secret_access_key=options.get("secret_key"),
        region_name=options.get("region_name") or "us-east-1",
    )
    existing = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    if bucket not in existing:
        s3.create_bucket(Bucket=bucket)


def phase_media() -> dict:
    """Give the newest items (overall and of the busiest OPD) a hero photo."""
    import django

    django.setup()
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from cms.content.models import ContentPage
    from cms.content.selectors import public_items

    # Only what the portal shows: the one visibility rule picks them.
    shown = public_items().order_by("-publish_date", "-pk")
    targets = list(shown[:NEWEST]) + list(
        shown.filter(opd_id=busiest_opd_id())[:PER_OPD]
    )
    photos = get_image_model().objects.filter(title__startswith=PHOTO_TITLE)
    if any(not p.file.storage.exists(p.file.name) for p in photos):
        # The S3 server lost the files (moto keeps them in memory) but the rows
        # stayed: every page would show broken images, weighing nothing.
        photos.delete()  # renditions go with them; hero_image is SET_NULL
    current = set(photos.values_list("pk", flat=True))
    missing = {p.pk: p for p in targets if p.hero_image_id not in current}
    if not missing:
        return {"skipped": True, "pages": len(targets)}
    ensure_bucket()
    started = time.perf_counter()
    Image = get_image_model()
    photos = []
    for seed in range(PHOTOS):
        photo = Image(
            title=f"{PHOTO_TITLE} {seed + 1}",
            file=ImageFile(io.BytesIO(photo_bytes(seed)), name=f"foto-{seed}.jpg"),
        )
        photo.save()
        photos.append(photo)
    for number, page in enumerate(missing.values()):
        ContentPage.objects.filter(pk=page.pk).update(
            hero_image=photos[number % PHOTOS],
            hero_alt=f"Suasana kegiatan: {page.title[:200]}",
        )
    return {
        "skipped": False,
        "pages": len(missing),
        "seconds": time.perf_counter() - started,
    }


def phase_reindex() -> dict:
    """Index the scratch database into the benchmark's prefix, unless it is there."""
    import django

    django.setup()
    from cms.content.selectors import public_items
    from search.client import get_client
    from search.documents import alias_name
    from search.indexing.reindex import search_reindex

    client = get_client()
    if client.indices.exists_alias(name=alias_name()):
        count = client.count(index=alias_name())["count"]
        if count >= public_items().count():  # not an index of a smaller import
            return {"skipped": True, "documents": count}
    report = search_reindex(client, chunk_size=500)
    return {"skipped": False, "documents": report.written, "seconds": report.seconds}
