"""Columns the content endpoints read, so their queries load nothing else.

An uncached list loaded every column of each item, of its OPD and of its series
(select_related), an item's body and an OPD's profile among them, and spent about a
third of its time building and reading them. ``LIST_COLUMNS`` is what
``api/v1/serializers/content_list.list_items`` reads of a row, plus what the cursor
orders by (``api/v1/filters.CONTENT_ORDERINGS``) and what a page's URL needs. A
field read there but missing here costs one query per item: the query-count tests
(tests/api/resources/test_query_count.py) fail then.
"""

LIST_COLUMNS = (
    # Page: identity, type, URL (Wagtail's ``get_url_parts``), cursor orderings.
    "id",
    "content_type_id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "live",
    "last_published_at",
    # ContentPage.
    "opd_id",
    "publish_date",
    "summary",
    "hero_image_id",
    "hero_alt",
    "series_id",
    "series_order",
    # Nested references.
    "opd__slug",
    "opd__title",
    "series__slug",
    "series__title",
)

# A detail reads the whole item but only the names of its OPD and series.
DETAIL_UNREAD = (
    "opd__profile",
    "opd__tupoksi",
    "opd__social_links",
    "opd__address",
    "series__description",
)

# A list answered from stored renderings (``api/v1/stored_items.py``) reads only
# what a page's URL, the cursor orderings and the validity of its rendering need.
STORED_LIST_COLUMNS = (
    "id",
    "content_type_id",
    "title",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "live",
    "live_revision_id",
    "last_published_at",
    "publish_date",
    "series_id",
)
