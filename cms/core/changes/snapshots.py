"""What a page was just before a publish, and which OPD owns a place in the tree.

Wagtail's ``page_published`` says what the page is, not what it was. Publishing
saves the whole page (no ``update_fields``), so the state before is read in that
``pre_save`` and kept on the instance until ``page_published`` takes it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import Page

_ATTRIBUTE = "_changes_before_save"
# Fields whose previous value changes what the publish means; "kategori" is the
# DIP entry's category (a move into "dikecualikan" withholds its documents).
_REMEMBERED = ("live", "last_published_at", "kategori")


@dataclass(frozen=True)
class Before:
    was_live: bool
    category: str | None = None  # DIP entries only
    last_published_at: object = None


def remember_before_save(page: Page) -> None:
    """Called for whole saves of a live page that already exists (one query)."""
    if not page.pk or not page.live:
        return
    model = type(page)
    names = [name for name in _REMEMBERED if _has_field(model, name)]
    row = model._default_manager.filter(pk=page.pk).values(*names).first()
    if row is not None:
        page.__dict__[_ATTRIBUTE] = Before(
            row["live"], row.get("kategori"), row["last_published_at"]
        )


def is_publishing(page: Page) -> bool:
    """True while Wagtail's publish action saves the page: it sets a new publish
    time before the save (``page_published`` follows); a plain save keeps it."""
    remembered = page.__dict__.get(_ATTRIBUTE)
    return (
        remembered is not None
        and remembered.last_published_at != page.last_published_at
    )


def before_publish(page: Page) -> Before:
    """The state remembered at the publish's save; for a page published without a
    save we saw (e.g. a bulk import), inferred from its publish dates."""
    remembered = page.__dict__.pop(_ATTRIBUTE, None)
    if remembered is not None:
        return remembered
    return Before(was_live=page.first_published_at != page.last_published_at)


def opd_id_of(page: Page | None) -> int | None:
    """The id of the OPD page at or above ``page`` (None above every OPD)."""
    if page is None:
        return None
    opd_model = apps.get_model("opd", "OPDPage")  # cms.core stays below cms.opd
    return (
        opd_model.objects.ancestor_of(page, inclusive=True)
        .order_by("-depth")
        .values_list("pk", flat=True)
        .first()
    )


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
