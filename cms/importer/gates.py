"""The editors' rules, applied to an imported page before it is written.

An editor cannot save an item that fails model validation (``full_clean``: field
limits, choices, each model's ``clean``), nor submit or publish one that fails the
accessibility requirements (``cms.content.accessibility``, the check the workflow
tasks and the serta merta path run). An imported record is held to the same rules:
a draft must be valid, a published item must also be accessible, so a published
infographic needs its image, a video its file or link, a podcast its audio. The
importer cannot carry media: such items are imported as drafts and completed in the
CMS, as the demo loader does.
"""

from functools import cache

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from cms.content.accessibility import page_accessibility_problems

from .parsing import RecordError

# Given by ``TreeSlots`` after this check, unique by construction: checking them
# here would cost a query per page (and the unsaved page has no parent yet).
TREE_FIELDS = ("path", "depth", "numchild", "slug", "url_path")


def page_check(page, *, publish: bool, validate: bool = True) -> None:
    """Raise ``RecordError`` with the editor's messages when an editor could not save
    this page (``validate``) or publish it (``publish``)."""
    if validate:
        try:
            page.full_clean(
                exclude=_unchecked_fields(type(page)), validate_unique=False
            )
        except ValidationError as exc:
            raise RecordError(f"invalid: {_messages(exc)}") from None
    if publish:
        problems = page_accessibility_problems(page)
        if problems:
            reasons = "; ".join(message for _field, message in problems)
            raise RecordError(
                f"cannot be published: {reasons} "
                '(import it with "status": "draft" and complete it in the CMS)'
            )


@cache
def _unchecked_fields(model) -> tuple[str, ...]:
    # Foreign keys hold rows the importer has just read (OPD, series, locale, user);
    # the database enforces them, and checking each would cost a query per page.
    relations = (f.name for f in model._meta.concrete_fields if f.is_relation)
    return (*TREE_FIELDS, *relations)


def _messages(exc: ValidationError) -> str:
    if not hasattr(exc, "error_dict"):
        return "; ".join(exc.messages)
    return "; ".join(
        message if field == NON_FIELD_ERRORS else f"{field}: {message}"
        for field, errors in exc.message_dict.items()
        for message in errors
    )
