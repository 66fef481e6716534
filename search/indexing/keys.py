"""Object keys: the outbox row, the indexed state and the document ``_id``.

Every indexed object is a Wagtail page (items, series, OPD profiles, DIP entries),
so one form is enough: ``page:<id>``.
"""

PAGE_PREFIX = "page:"


def page_key(page_id: int) -> str:
    return f"{PAGE_PREFIX}{page_id}"


def page_id_of(key: str) -> int | None:
    if key.startswith(PAGE_PREFIX) and key[len(PAGE_PREFIX) :].isdigit():
        return int(key[len(PAGE_PREFIX) :])
    return None
