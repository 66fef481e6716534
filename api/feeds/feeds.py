"""RSS 2.0 and Atom feeds of public content: the province, one OPD, one series.

Each feed class only finds its *scope* (``get_object``; unknown or non-public scope
is a 404) and reads the prepared ``FeedItem`` values. Items come from
``cms.content.selectors``, which apply ``cms.core.visibility``: drafts and private
pages never appear.
"""

from dataclasses import dataclass, replace
from types import SimpleNamespace

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from cms.content.models import FollowUpPage
from cms.content.selectors import latest_items, series_items
from cms.core.public_urls import page_public_url, public_url
from cms.core.visibility import only_public
from cms.opd.models import ProvinceHomePage
from cms.opd.selectors import opd_list
from cms.series.models import SeriesPage

from .items import FEED_LENGTH, FeedItem, feed_items

# Feed readers poll often; five minutes of shared caching spares the database
# while keeping a new item's delay well under a reader's usual polling interval.
FEED_MAX_AGE = 300
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"


class PodcastAwareRssFeed(Rss201rev2Feed):
    """RSS 2.0 plus ``itunes:duration`` on episodes that have a length."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("duration"):
            seconds = int(item["duration"].total_seconds())
            handler.addQuickElement("itunes:duration", str(seconds))


@dataclass(frozen=True)
class FeedScope:
    title: str
    link: str
    description: str
    items: list[FeedItem]
    feed_url: str = ""


class ContentFeed(Feed):
    """Shared getters; subclasses implement ``get_scope``."""

    feed_type = PodcastAwareRssFeed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs) -> FeedScope:
        scope = self.get_scope(url_holder=SimpleNamespace(), **kwargs)
        # The feed's self link, on the public origin like every other link.
        return replace(scope, feed_url=public_url(request.path))

    def feed_url(self, scope):
        return scope.feed_url

    def get_scope(self, *, url_holder, **kwargs) -> FeedScope:
        raise NotImplementedError

    def title(self, scope):
        return scope.title

    def link(self, scope):
        return scope.link

    def description(self, scope):
        return scope.description

    subtitle = description  # Atom's name for it

    def items(self, scope):
        return scope.items

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.link

    def item_description(self, item):
        return item.description

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.pubdate

    def item_updateddate(self, item):
        return item.updated or item.pubdate

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        return [item.enclosure] if item.enclosure else []

    def item_extra_kwargs(self, item):
        return {"duration": item.duration}


class ProvinceFeed(ContentFeed):
    def get_scope(self, *, url_holder, **kwargs):
        home = only_public(ProvinceHomePage.objects.all()).first()
        if home is None:
            raise Http404
        return FeedScope(
            title=_("Informasi terbaru %(name)s") % {"name": home.title},
            link=page_public_url(home, url_holder),
            description=_("Konten publik terbaru dari seluruh OPD."),
            items=feed_items(latest_items(limit=FEED_LENGTH), url_holder=url_holder),
        )


class OPDFeed(ContentFeed):
    def get_scope(self, *, url_holder, opd_slug, **kwargs):
        opd = get_object_or_404(opd_list(), slug=opd_slug)
        return FeedScope(
            title=_("Informasi terbaru %(name)s") % {"name": opd.title},
            link=page_public_url(opd, url_holder),
            description=_("Konten publik terbaru dari %(name)s.") % {"name": opd.title},
            items=feed_items(
                latest_items(limit=FEED_LENGTH, opd=opd), url_holder=url_holder
            ),
        )


class SeriesFeed(ContentFeed):
    def get_scope(self, *, url_holder, opd_slug, series_slug, **kwargs):
        opd = get_object_or_404(opd_list(), slug=opd_slug)
        series = get_object_or_404(
            only_public(SeriesPage.objects.child_of(opd)), slug=series_slug
        )
        # Newest first, as readers expect, whatever the series' reading order.
        pages = series_items(series).order_by("-publish_date")[:FEED_LENGTH]
        return FeedScope(
            title=_("Seri %(name)s") % {"name": series.title},
            link=page_public_url(series, url_holder),
            description=_("Butir terbaru dalam seri %(name)s.")
            % {"name": series.title},
            items=feed_items(pages, url_holder=url_holder),
        )


class FollowUpFeed(ContentFeed):
    """Resolved citizen reports published anonymised ("tindak lanjut")."""

    def get_scope(self, *, url_holder, **kwargs):
        pages = latest_items(limit=FEED_LENGTH, model=FollowUpPage)
        return FeedScope(
            title=_("Tindak lanjut aduan masyarakat"),
            link=public_url(reverse("complaints-followups")),
            description=_("Laporan warga yang sudah ditindaklanjuti perangkat daerah."),
            items=feed_items(pages, url_holder=url_holder),
        )


class ProvinceAtomFeed(ProvinceFeed):
    feed_type = Atom1Feed


class OPDAtomFeed(OPDFeed):
    feed_type = Atom1Feed


class SeriesAtomFeed(SeriesFeed):
    feed_type = Atom1Feed


class FollowUpAtomFeed(FollowUpFeed):
    feed_type = Atom1Feed
