"""Chrome of the portal: the province identity, navigation, canonical URLs, paging
links and structured data. Tags rather than a context processor, so the Wagtail
admin's pages never pay for them."""

from urllib.parse import urlencode

from django import template
from django.utils.safestring import mark_safe

from cms.core import generation_copies
from cms.core.public_urls import page_public_url, public_url
from cms.core.visibility import is_withheld, only_public
from cms.opd.models import ProvinceHomePage
from portal import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def province_home(context):
    """The public portal root (its title is the province's name), or None."""
    request = context.get("request")
    cached = getattr(request, "_portal_home", False)
    if cached is not False:
        return cached
    home = generation_copies.kept(
        "province_home", lambda: only_public(ProvinceHomePage.objects.all()).first()
    )
    if request is not None:
        request._portal_home = home
    return home


@register.filter(name="public_url")
def public_url_filter(path):
    """A path (or an absolute URL, kept) on the portal's public origin."""
    return public_url(str(path)) if path else ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address: Wagtail's full URL for pages, else this path with
    only the page number kept (filters and tracking parameters dropped)."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return ""
    if page is not None and hasattr(page, "get_url_parts"):
        return page_public_url(page, request) or ""
    url = public_url(request.path)
    number = request.GET.get("halaman", "")
    if number.isdigit() and number != "1":
        url += "?" + urlencode({"halaman": number})
    return url


@register.simple_tag(takes_context=True)
def page_link(context, number):
    """This URL with another page number, other parameters kept."""
    query = context["request"].GET.copy()
    query["halaman"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def nav_current(context, prefix):
    """``aria-current="page"`` for the nav entry the current path falls under."""
    request = context.get("request")
    path = getattr(request, "path", "")
    current = path == "/" if prefix == "/" else path.startswith(prefix)
    return mark_safe('aria-current="page"') if current else ""


@register.simple_tag(takes_context=True)
def nav_state(context, *prefixes):
    """Which of the nav entries ``prefixes`` are current (``nav_current`` for each):
    the key under which the header's navigation is rendered once."""
    return tuple(bool(nav_current(context, prefix)) for prefix in prefixes)


@register.simple_tag(takes_context=True)
def organization_data(context, opd=None):
    request = context["request"]
    if opd is None:
        return structured_data.with_context(
            structured_data.province_organization(request)
        )
    return structured_data.with_context(structured_data.opd_organization(request, opd))


@register.simple_tag(takes_context=True)
def article_data(context, item, image_url=""):
    return structured_data.news_article(context["request"], item, image_url)


@register.simple_tag
def item_type(item):
    from portal.content_types import type_of

    return type_of(item)


@register.simple_tag(takes_context=True)
def page_description(context):
    """One or two sentences for search results and shared links: the editor's SEO
    text, else the item's summary, else the province's introduction."""
    from django.utils.html import strip_tags

    page = context.get("page")
    if page is not None and is_withheld(page):
        # An exempted DIP entry shows only its title, legal basis and period: its
        # summary or SEO text must not leak through shared-link metadata.
        return ""
    for field in ("search_description", "summary", "ringkasan", "intro"):
        text = getattr(page, field, "") if page is not None else ""
        if text:
            # Only ``intro`` may be rich text (DIP index); the rest is plain text,
            # where "<b>" is what the editor typed (the template escapes it).
            return (strip_tags(str(text)) if field == "intro" else str(text))[:200]
    home = province_home(context)
    return getattr(home, "intro", "") or ""


@register.simple_tag(takes_context=True)
def website_data(context):
    return structured_data.website(context["request"])
