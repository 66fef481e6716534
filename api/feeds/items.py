"""What a feed shows of a content item, gathered in a few queries for a whole feed.

Feeds read pages only through ``cms.content.selectors`` and media through
``cms.core.visibility`` (the public-visibility rule); this module turns those pages
into plain ``FeedItem`` values so the feed classes stay simple getters.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace

from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from wagtail.documents import get_document_model

from cms.content.models import ContentTag, PodcastPage
from cms.core.public_urls import page_public_url, public_url
from cms.core.visibility import PublicView
from cms.opd.models import OPDPage

FEED_LENGTH = 20


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    description: str
    guid: str
    pubdate: datetime
    updated: datetime | None
    author: str
    categories: list[str] = field(default_factory=list)
    enclosure: Enclosure | None = None
    duration: timedelta | None = None


def page_guid(page) -> str:
    """Stable across renames, moves and re-publishing: only the page id."""
    return f"urn:sipanganten:halaman:{page.pk}"


def feed_items(pages, *, url_holder=None) -> list[FeedItem]:
    """``pages``: a public ContentPage queryset, already ordered and sliced."""
    pages = list(pages.specific())
    if not pages:
        return []
    ids = [page.pk for page in pages]
    opds = OPDPage.objects.only("title").in_bulk({page.opd_id for page in pages})
    tags: dict[int, list[str]] = {}
    for link in ContentTag.objects.filter(content_object_id__in=ids).select_related(
        "tag"
    ):
        tags.setdefault(link.content_object_id, []).append(link.tag.name)
    # Wagtail caches the site root paths on whatever object is passed as the request.
    url_holder = url_holder or SimpleNamespace()
    media = _PublicMedia(pages)
    return [
        FeedItem(
            title=page.title,
            link=page_public_url(page, url_holder),
            # Plain text, but readers render RSS descriptions and Atom summaries
            # (type="html") as HTML.
            description=escape(page.summary or page.search_description or ""),
            guid=page_guid(page),
            pubdate=page.publish_date,
            updated=page.last_published_at,
            author=opds[page.opd_id].title if page.opd_id in opds else "",
            categories=[page.type_code, *sorted(tags.get(page.pk, []))],
            enclosure=_enclosure(page, media, url_holder),
            duration=getattr(page, "duration", None),
        )
        for page in pages
    ]


def _enclosure(page, media, url_holder) -> Enclosure | None:
    """The audio of a podcast episode, so podcast apps can play it; only when the
    file is downloadable by anyone (a file in a private collection would answer
    403 to every listener and must not be advertised)."""
    audio = media.audio_of(page)
    if audio is None or not media.is_public(audio):
        return None
    return Enclosure(
        url=public_url(audio.url),
        length=str(audio.get_file_size() or 0),
        mime_type=audio.content_type,
    )


class _PublicMedia:
    """The podcast audio of one feed's pages, read in one query, and whether the
    public may download it (the visibility rule's rows read once a feed)."""

    def __init__(self, pages):
        ids = {p.audio_file_id for p in pages if isinstance(p, PodcastPage)}
        ids.discard(None)
        self._documents = get_document_model().objects.in_bulk(ids) if ids else {}
        self._public = PublicView()

    def audio_of(self, page):
        if not isinstance(page, PodcastPage):
            return None
        return self._documents.get(page.audio_file_id)

    def is_public(self, document) -> bool:
        return self._public.document_is_public(document)
