"""The one rule for "a citizen may see this page", used by every public path
(portal listings, API, search indexing, feeds, sitemap).

Public = live, and neither the page nor an ancestor has a view restriction (privacy).
Exempted DIP entries are public only as the fact of their exemption: paths that show
content (search, API bodies) also apply ``is_withheld``.
"""

from django.db.models import QuerySet
from wagtail.models import Page


def public_pages() -> QuerySet[Page]:
    return Page.objects.live().public()


def is_public(page: Page) -> bool:
    return public_pages().filter(pk=page.pk).exists()


def is_withheld(page: Page) -> bool:
    """True for content the law withholds even though the page itself is listed."""
    return bool(getattr(page.specific_deferred, "is_exempted", False))
