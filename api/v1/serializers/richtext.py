"""Rich text and StreamField values as JSON a mirror can render safely.

Rich text goes through Wagtail's ``expand_db_html`` (internal page and document
links become real URLs), then an allow-list sanitiser (HTML may come from the
importer, not only from the editor), then relative links become absolute.
"""

from bs4 import BeautifulSoup
from wagtail.rich_text import RichText, expand_db_html

from .urls import absolute_url

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u",
    "ol", "ul", "li", "a", "blockquote", "sub", "sup", "hr",
}  # fmt: skip
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "#")


def rich_text_html(value, request) -> str:
    """Sanitised HTML of a rich text value (``RichText`` or database HTML)."""
    source = value.source if isinstance(value, RichText) else (value or "")
    if not source:
        return ""
    soup = BeautifulSoup(expand_db_html(source), "html.parser")
    for tag in soup.find_all(DROPPED_WITH_CONTENT):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.name not in ALLOWED_TAGS:
            tag.unwrap()
            continue
        href = tag.get("href") if tag.name == "a" else None
        tag.attrs = {}
        if href and href.strip().lower().startswith(SAFE_SCHEMES):
            href = href.strip()
            tag["href"] = href if href.startswith("#") else absolute_url(href, request)
    return str(soup)
