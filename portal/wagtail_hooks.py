"""Wagtail pages of the portal may be kept in the page cache (``portal.cache``)."""

from wagtail import hooks

from .cache import mark_cacheable


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    # Only pages without a view restriction; previews never come through here.
    if not page.get_view_restrictions().exists():
        mark_cacheable(request)
