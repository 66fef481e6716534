"""``{% search_index_status page %}``: when the page last reached the public index.

Used by the read-only panel on the edit form (a ``HelpPanel`` with a template), so
page models name a template, not a Python dependency on ``search``.
"""

from django import template

from search.indexing.status import page_index_status

register = template.Library()


@register.inclusion_tag("search/admin/index_status.html")
def search_index_status(page):
    page_id = getattr(page, "pk", None)
    return {"status": page_index_status(page_id), "page_id": page_id}
