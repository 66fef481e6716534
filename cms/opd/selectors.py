"""Read queries on OPDs, shared by the portal and the API."""

from django.db.models import Q, QuerySet

from cms.core.selectors import only_public

from .models import OPDPage


def opd_list() -> QuerySet[OPDPage]:
    return only_public(OPDPage.objects.all()).order_by("title")


def opds_of_user(user) -> QuerySet[OPDPage]:
    """The OPDs whose editor or reviewer group the user belongs to."""
    groups = user.groups.all()
    return OPDPage.objects.filter(
        Q(editor_group__in=groups) | Q(reviewer_group__in=groups)
    ).distinct()


def private_collection_ids() -> list[int]:
    """Collections whose media the public must never see: every collection with a
    view restriction (an OPD's "— dikecualikan" one) and everything below it."""
    from django.db.models import Exists, F, OuterRef
    from django.db.models.lookups import StartsWith
    from wagtail.models import Collection, CollectionViewRestriction

    restricted_above = CollectionViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("collection__path"))
    )
    return list(
        Collection.objects.filter(Exists(restricted_above)).values_list("pk", flat=True)
    )


def publicly_used_image(image_id):
    """The image, if the public may see it: outside private collections and used
    by a public page (hero, logo, body...). An upload meant for a draft is not
    published by having an id."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.images import get_image_model
    from wagtail.models import Page, ReferenceIndex

    from cms.core.selectors import public_pages

    image = (
        get_image_model()
        .objects.exclude(collection_id__in=private_collection_ids())
        .filter(pk=image_id)
        .first()
    )
    if image is None:
        return None
    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    used = public_pages().filter(pk__in=[int(pk) for pk in page_ids]).exists()
    return image if used else None
