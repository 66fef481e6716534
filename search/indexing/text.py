"""Plain text out of rich text and StreamFields, for the index (never for display)."""

import html
import re

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_NEWLINES = re.compile(r"\s*\n\s*")
# The completion suggester rejects these reserved separators in its input.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain(value) -> str:
    """Rich text (HTML, a ``RichText`` or None) as plain text: tags become spaces so
    words from adjacent paragraphs do not glue together."""
    if value is None:
        return ""
    source = getattr(value, "source", value)  # wagtail.rich_text.RichText
    text = html.unescape(_TAG.sub(" ", str(source)))
    text = _CONTROL.sub(" ", text)
    return _NEWLINES.sub("\n", _SPACE.sub(" ", text)).strip()


def join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def stream_text(stream, public) -> str:
    """The readable text of a body StreamField: paragraphs, quotes, and the titles
    of linked documents the public may download (``public``: a ``PublicView``; a
    withheld or private document's title is not public). Images and embeds carry
    no text worth matching."""
    parts = []
    for block in stream or ():
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(plain(value))
        elif kind == "quote":
            parts.append(
                join(plain(value.get("text")), plain(value.get("attribution")))
            )
        elif (
            kind == "document"
            and value is not None
            and public.document_is_public(value)
        ):
            parts.append(plain(value.title))
    return join(*parts)


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]
