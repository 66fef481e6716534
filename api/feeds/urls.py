"""Public feeds, sitemap.xml and robots.txt, served at the site root.

Feeds: ``/feed/{rss,atom}.xml`` (province), ``/feed/opd/<opd>/{rss,atom}.xml`` and
``/feed/seri/<opd>/<series>/{rss,atom}.xml`` and the published complaint follow-ups
``/feed/tindak-lanjut/{rss,atom}.xml``. A series is named by its OPD too
because series slugs are unique only within one OPD. See
docs/api/feeds-and-preview.md.
"""

from django.urls import path

from . import feeds, views

app_name = "feeds"

urlpatterns = [
    path("feed/rss.xml", feeds.ProvinceFeed(), name="province-rss"),
    path("feed/atom.xml", feeds.ProvinceAtomFeed(), name="province-atom"),
    path("feed/opd/<slug:opd_slug>/rss.xml", feeds.OPDFeed(), name="opd-rss"),
    path("feed/opd/<slug:opd_slug>/atom.xml", feeds.OPDAtomFeed(), name="opd-atom"),
    path(
        "feed/seri/<slug:opd_slug>/<slug:series_slug>/rss.xml",
        feeds.SeriesFeed(),
        name="series-rss",
    ),
    path(
        "feed/seri/<slug:opd_slug>/<slug:series_slug>/atom.xml",
        feeds.SeriesAtomFeed(),
        name="series-atom",
    ),
    path("feed/tindak-lanjut/rss.xml", feeds.FollowUpFeed(), name="followups-rss"),
    path(
        "feed/tindak-lanjut/atom.xml", feeds.FollowUpAtomFeed(), name="followups-atom"
    ),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
