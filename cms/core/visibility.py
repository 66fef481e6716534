"""Who may see what: the one rule every public path asks (portal pages and template
tags, API serializers, feeds, sitemap, search documents, document serving).

- A page is public when it is live and neither it nor an ancestor has a view
  restriction (privacy): ``only_public``, ``public_pages``, ``is_public``.
- An exempted (*dikecualikan*) DIP entry is public only as the fact of its
  exemption: paths that show content also ask ``is_withheld``.
- A document attached to an exempted entry (live, or in a pending draft) is
  withheld everywhere, whichever other page links it: ``withheld_document_ids``.
- Media in a collection with a view restriction, or below one, is private:
  ``private_collection_ids``.

``only_public`` reads the page view restrictions in a subquery of the query it
filters, not in a query of its own each call as Wagtail's ``.public()`` does: no
round trip per listing, and nothing to cache or keep fresh.

``PublicView`` reads the other rows at most once, for a request or a batch: a page
with forty images asks once. ``public_view(request)`` keeps one on the request.

The DIP models are looked up in the app registry, not imported: the DIP pages ask
this module for the rule, so importing them back would make a cycle.
"""

from collections.abc import MutableMapping
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Revision,
)

from cms.dip.categories import Kategori

# Pages


def only_public(pages: QuerySet) -> QuerySet:
    """The rule itself, for a queryset of any page type: changing it here (e.g.
    expiry) changes every public path. Private: a page with a view restriction, or
    below one (as Wagtail's ``.public()``, without its separate query)."""
    restricted_above = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return pages.live().filter(~Exists(restricted_above))


def only_public_for_search(pages: QuerySet) -> QuerySet:
    """``only_public`` for a queryset a search backend will run (``.search()``,
    ``.autocomplete()``): backends take field lookups, not subqueries, so the
    restrictions are read first, in a query of their own (Wagtail's ``.public()``).
    The same pages: tests/cms/core/test_visibility.py compares the two."""
    return pages.live().public()


def public_pages() -> QuerySet[Page]:
    return only_public(Page.objects.all())


def is_public(page: Page) -> bool:
    return public_pages().filter(pk=page.pk).exists()


def is_withheld(page: Page) -> bool:
    """True for content the law withholds although the page itself is listed: an
    exempted DIP entry shows its title, legal basis and period, nothing else."""
    return bool(getattr(page.specific_deferred, "is_exempted", False))


# Media


def private_collection_ids() -> list[int]:
    """Collections whose media the public must never see: every collection with a
    view restriction (an OPD's "— dikecualikan" one) and everything below it."""
    restricted_above = CollectionViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("collection__path"))
    )
    return list(
        Collection.objects.filter(Exists(restricted_above)).values_list("pk", flat=True)
    )


def withheld_document_ids(document_ids=None) -> set[int]:
    """Documents attached to an exempted DIP entry, live or in a pending draft
    (all of them, or those among ``document_ids``).

    A live entry's links are rows; a pending draft's links exist only in its latest
    revision, so those (few) revisions are read too.
    """
    entry_model = apps.get_model("dip", "DIPEntryPage")
    link_model = apps.get_model("dip", "DIPDocument")
    links = link_model.objects.filter(entry__kategori=Kategori.DIKECUALIKAN)
    if document_ids is not None:
        document_ids = set(document_ids)
        if not document_ids:
            return set()
        links = links.filter(document_id__in=document_ids)
    withheld = set(links.values_list("document_id", flat=True))
    drafts = Revision.page_revisions.filter(
        pk__in=entry_model.objects.filter(has_unpublished_changes=True).values(
            "latest_revision"
        )
    ).only("content")
    for revision in drafts:
        if revision.content.get("kategori") != Kategori.DIKECUALIKAN:
            continue
        for link in revision.content.get("documents", []):
            document_id = link.get("document")
            if document_ids is None or document_id in document_ids:
                withheld.add(document_id)
    withheld.discard(None)
    return withheld


def document_is_withheld(document) -> bool:
    return document.pk in withheld_document_ids([document.pk])


def document_is_public(document) -> bool:
    """One document, on its own (a request that checks many uses ``PublicView``)."""
    return public_view().document_is_public(document)


def publicly_used_image(image_id):
    """The image, if the public may see it: outside private collections and used
    by a public page (hero, logo, body...). An upload meant for a draft is not
    published by having an id."""
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


class PublicView:
    """The rule for one request or one batch, each set of rows read at most once
    (only if asked). Stale by at most the request or batch it serves."""

    def __init__(self):
        self._public_pages: dict[int, bool] = {}

    def page_is_public(self, page) -> bool:
        """``is_public``, remembered per page (a batch meets the same series often)."""
        if page.pk not in self._public_pages:
            self._public_pages[page.pk] = is_public(page)
        return self._public_pages[page.pk]

    @cached_property
    def private_collection_ids(self) -> frozenset[int]:
        return frozenset(private_collection_ids())

    @cached_property
    def withheld_document_ids(self) -> frozenset[int]:
        # Exempted entries are few: all their documents cost two queries.
        return frozenset(withheld_document_ids())

    def image_is_public(self, image) -> bool:
        return image.collection_id not in self.private_collection_ids

    def document_is_public(self, document) -> bool:
        return (
            document.collection_id not in self.private_collection_ids
            and document.pk not in self.withheld_document_ids
        )

    def media_is_public(self, media) -> bool:
        if isinstance(media, AbstractDocument):
            return self.document_is_public(media)
        return self.image_is_public(media)

    def documents_of(self, entry, links=None) -> list:
        """The documents a citizen may download from a DIP entry: none at all for
        an exempted entry, and never one withheld by another (exempted) entry or
        kept in a private collection. ``links``: the entry's document links when
        already fetched (a listing prefetches them), else they are read here."""
        if is_withheld(entry):
            return []
        if links is None:
            links = entry.documents.select_related("document")
        return [
            link.document for link in links if self.document_is_public(link.document)
        ]


_KEY = "_public_view"


def public_view(holder=None) -> PublicView:
    """The ``PublicView`` kept on ``holder`` (a request, a serializer context, any
    object a batch shares), made on first use; a fresh one without a holder."""
    if holder is None:
        return PublicView()
    if isinstance(holder, MutableMapping):
        if _KEY not in holder:
            holder[_KEY] = PublicView()
        return holder[_KEY]
    view = getattr(holder, _KEY, None)
    if view is None:
        view = PublicView()
        setattr(holder, _KEY, view)
    return view
