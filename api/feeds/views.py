"""sitemap.xml (an index of sections) and robots.txt pointing at it."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .sitemaps import SITEMAPS

# Crawlers fetch these rarely; an hour of caching is plenty fresh for them.
SITEMAP_MAX_AGE = 3600


@require_GET
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_index(request):
    return sitemap_views.index(
        request, SITEMAPS, sitemap_url_name="feeds:sitemap-section"
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
        f"Sitemap: {request.build_absolute_uri(reverse('feeds:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
