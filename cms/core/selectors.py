"""The one rule for "a citizen may see this page", used by every public path
(portal listings, API, search indexing, feeds, sitemap).

Public = live, and neither the page nor an ancestor has a view restriction (privacy).
Exempted DIP entries are public only as the fact of their exemption: paths that show
content (search, API bodies) also apply ``is_withheld``.
"""

from django.db.models import QuerySet
from wagtail.models import Page


def only_public(pages: QuerySet) -> QuerySet:
    """The rule itself, for a queryset of any page type; every selector of public
    pages goes through here, so changing the rule (e.g. expiry) changes every path."""
    return pages.live().public()


def public_pages() -> QuerySet[Page]:
    return only_public(Page.objects.all())


def is_public(page: Page) -> bool:
    return public_pages().filter(pk=page.pk).exists()


def is_withheld(page: Page) -> bool:
    """True for content the law withholds even though the page itself is listed."""
    return bool(getattr(page.specific_deferred, "is_exempted", False))
