"""sitemap.xml sections: every public page a search engine may list, with lastmod.

Sections keep each file small and let Django paginate one past 50,000 URLs. Public
means the one rule of ``cms.core.visibility``; exempted DIP entries are left out
(only the fact of their exemption is public, nothing worth a search result).
Locations are paths on the configured public origin (``PORTAL_BASE_URL``), the
same origin the sitemap is published on, as the sitemaps protocol asks.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from wagtail.models import Site

from cms.content.models import ContentPage
from cms.content.selectors import public_items
from cms.core.public_urls import public_base
from cms.core.visibility import public_pages
from cms.dip.models import DIPEntryPage, Kategori
from cms.dip.selectors import public_dip_entries

# Only what URLs and lastmod need: a sitemap may hold tens of thousands of rows.
_URL_FIELDS = ("url_path", "last_published_at")


class PublicOriginSitemap(Sitemap):
    """Locations on the public origin, whatever host the sitemap was asked on."""

    def get_urls(self, page=1, site=None, protocol=None):
        origin = urlsplit(public_base())
        return self._urls(page, origin.scheme, origin.netloc)


class PageSitemap(PublicOriginSitemap):
    """A section of Wagtail pages; subclasses say which (``pages``)."""

    def __init__(self):
        # Wagtail caches the site root paths on the object passed as ``request``.
        self._url_holder = SimpleNamespace()

    def pages(self):
        raise NotImplementedError

    def items(self):
        return self.pages().only(*_URL_FIELDS).order_by("path")

    def location(self, page):
        parts = page.get_url_parts(request=self._url_holder)
        return parts[2] if parts else ""

    def lastmod(self, page):
        return page.last_published_at

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default walk over every item.
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]


class StructurePagesSitemap(PageSitemap):
    """Home, OPD pages, series, DIP sections: everything but items and entries."""

    def pages(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return public_pages().none()
        return (
            public_pages()
            .descendant_of(site.root_page, inclusive=True)
            .not_type(ContentPage, DIPEntryPage)
        )


class ContentSitemap(PageSitemap):
    def pages(self):
        return public_items()


class DIPEntrySitemap(PageSitemap):
    def pages(self):
        return public_dip_entries().exclude(kategori=Kategori.DIKECUALIKAN)


class PortalRoutesSitemap(PublicOriginSitemap):
    """Portal pages outside the page tree (the province-wide DIP)."""

    def items(self):
        return ["dip-province"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.get_latest_lastmod()

    def get_latest_lastmod(self):
        # The province DIP lists every public entry, exempted ones included.
        latest = public_dip_entries().aggregate(latest=Max("last_published_at"))
        return latest["latest"]


SITEMAPS = {
    "halaman": StructurePagesSitemap,
    "konten": ContentSitemap,
    "dip": DIPEntrySitemap,
    "portal": PortalRoutesSitemap,
}
