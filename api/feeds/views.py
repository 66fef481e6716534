"""sitemap.xml (an index of sections) and robots.txt pointing at it."""

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from cms.core.public_urls import public_url

from .sitemaps import SITEMAPS

# Crawlers fetch these rarely; an hour of caching is plenty fresh for them.
SITEMAP_MAX_AGE = 3600


@require_GET
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_index(request):
    """Django's index, but with section URLs on the public origin."""
    items = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = public_url(reverse("feeds:sitemap-section", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(url, lastmod))
        for number in range(2, sitemap.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{url}?p={number}", lastmod))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
    )


@require_GET
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


@require_GET
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def robots_txt(request):
    """Everything public may be crawled; the admin areas never."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {public_url(reverse('feeds:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
