"""Pages for the webhook tests: the shared helpers (``tests/pages.py``)."""

from tests.pages import add_dip_entry, add_series, publish
from tests.pages import add_item as add_page

__all__ = ["add_dip_entry", "add_page", "add_series", "publish"]
