"""One set of test factories for every test package.

Models that stand alone (images, documents, users) are factory_boy factories; pages
are placed by plain functions, because a page's place in the tree and its publishing
(a draft revision, then Wagtail's revision publish, so our signals fire) are steps
an editor takes, not field values.
"""

from .media import DocumentFactory, ImageFactory, picture_bytes
from .pages import (
    add_dip_entry,
    add_hostile_text,
    add_item,
    add_series,
    days_ago,
    make_opds,
    make_private,
    publish,
)
from .users import UserFactory

__all__ = [
    "add_hostile_text",
    "DocumentFactory",
    "ImageFactory",
    "UserFactory",
    "add_dip_entry",
    "add_item",
    "add_series",
    "days_ago",
    "make_opds",
    "make_private",
    "picture_bytes",
    "publish",
]
