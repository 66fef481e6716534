"""Items put in place directly, for tests whose subject is not how they were made."""

from cms.content.models import NewsPage


def add_item(parent, title, *, model=NewsPage, live=False, user=None, **fields):
    """An item under ``parent``: a draft revision, published when ``live``."""
    slug = fields.pop("slug", None) or title.lower().replace(" ", "-")
    page = model(title=title, slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def reload(page):
    """A fresh copy from the database (no cached revision or workflow state)."""
    return type(page).objects.get(pk=page.pk)


def latest_title(page) -> str:
    return reload(page).get_latest_revision_as_object().title
