"""Reading pages back as the database and their latest revision have them."""


def reload(page):
    """A fresh copy from the database (no cached revision or workflow state)."""
    return type(page).objects.get(pk=page.pk)


def latest_title(page) -> str:
    return reload(page).get_latest_revision_as_object().title
