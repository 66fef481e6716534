"""Imported HTML -> Wagtail's database rich-text format, limited to our features.

Wagtail's own whitelister does the work (the editor's rules for
``RICH_TEXT_FEATURES``), so imported text can hold nothing an editor could not type.
Two adjustments for foreign HTML: elements whose content is code or a foreign page
(script, style, iframe...) are dropped *with* their content instead of unwrapped into
visible text, and out-of-range headings are moved into h2-h4 rather than flattened.
HTML nested deeper than ``MAX_DEPTH`` is refused: the whitelister recurses per level.
"""

from functools import cache

from bs4 import Tag
from django.utils.functional import cached_property
from wagtail.admin.rich_text.converters.db_html import (
    DbHTMLConverter,
    DbHtmlInputWhitelister,
)

from cms.content.blocks import RICH_TEXT_FEATURES

from .parsing import RecordError

DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "applet",
        "noscript",
        "template",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "form",
        "select",
        "textarea",
        "button",
        "head",
        "title",
        "meta",
        "link",
    }
)
# The page title is the only h1; h5/h6 keep being headings at the lowest level.
HEADING_MAP = {"h1": "h2", "h5": "h4", "h6": "h4"}
BLOCK_TAGS = ("<p", "<h2", "<h3", "<h4", "<ul", "<ol")
# The whitelister takes about four stack frames per level; 100 levels stay far from
# Python's recursion limit (1000) and far beyond real markup, but unclosed tags nest
# (``<p>`` without ``</p>`` included), so a sloppy page can reach it.
MAX_DEPTH = 100


def _depth_check(doc: Tag) -> None:
    """Refuse a tree deeper than MAX_DEPTH, walking it without recursion."""
    stack = [(doc, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise RecordError(
                f"body_html is nested more than {MAX_DEPTH} elements deep "
                "(unclosed tags?)"
            )
        stack.extend(
            (child, depth + 1) for child in node.contents if isinstance(child, Tag)
        )


class _ImportWhitelister(DbHtmlInputWhitelister):
    def clean_node(self, doc, node):
        if node is doc:  # the first call, on the freshly parsed document
            _depth_check(doc)
        super().clean_node(doc, node)

    def clean_tag_node(self, doc, tag):
        if tag.name in DROP_WITH_CONTENT:
            tag.decompose()
            return
        if tag.name in HEADING_MAP:
            tag.name = HEADING_MAP[tag.name]
        super().clean_tag_node(doc, tag)


class _ImportConverter(DbHTMLConverter):
    @cached_property
    def whitelister(self):
        return _ImportWhitelister(self.converter_rules)


@cache
def _converter() -> _ImportConverter:
    # Built lazily: the feature registry is read from Wagtail hooks once apps are ready.
    return _ImportConverter(features=RICH_TEXT_FEATURES)


def sanitise_html(html: str) -> str:
    """Clean HTML in the database format; text without any block is made a paragraph."""
    if not html or not html.strip():
        return ""
    cleaned, _removals = _converter().clean(html)
    cleaned = cleaned.strip()
    if cleaned and not any(tag in cleaned for tag in BLOCK_TAGS):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned
