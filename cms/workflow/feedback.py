"""What the admin tells an editor or reviewer after an editorial action.

Each message names the item and what happens next, in Indonesian. Wagtail emits its
own generic success messages inside its views; ``captured_messages`` lets our view
subclasses (``page_views``) swap those for ours without copying Wagtail's actions.
"""

from contextlib import contextmanager

from django.contrib import messages as django_messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState


def _title(page) -> str:
    return page.get_admin_display_title()


def _scheduled_at(page):
    """When the latest revision waits for its publication time (else None)."""
    latest = page.get_latest_revision()
    return latest.approved_go_live_at if latest else None


def submitted_message(page) -> str:
    opd = getattr(page, "opd", None)
    if opd is not None:
        return _("“%(title)s” diajukan ke redaksi %(opd)s untuk ditinjau.") % {
            "title": _title(page),
            "opd": opd.title,
        }
    return _("“%(title)s” diajukan untuk ditinjau.") % {"title": _title(page)}


def published_message(page) -> str | None:
    """None when the item is only scheduled (or a hook stopped the publication):
    Wagtail's own message stays."""
    page = type(page).objects.get(pk=page.pk)
    if not page.live or _scheduled_at(page):
        return None
    return _("“%(title)s” diterbitkan.") % {"title": _title(page)}


def workflow_action_message(page, action_name: str) -> str | None:
    """The outcome of approve / reject, read back from the page's workflow."""
    page = type(page).objects.get(pk=page.pk)
    title = _title(page)
    if action_name == "reject":
        return _(
            "“%(title)s” dikembalikan kepada penulis dengan permintaan perubahan."
        ) % {"title": title}
    if action_name != "approve":
        return None
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("“%(title)s” disetujui dan diteruskan ke tahap %(task)s.") % {
            "title": title,
            "task": state.current_task_state.task.name,
        }
    if when := _scheduled_at(page):
        return _("“%(title)s” disetujui dan dijadwalkan terbit %(when)s.") % {
            "title": title,
            "when": date_format(timezone.localtime(when), "DATETIME_FORMAT"),
        }
    return _("“%(title)s” disetujui dan diterbitkan.") % {"title": title}


def _error_lines(form) -> list[str]:
    lines = []
    for name, errors in form.errors.items():
        label = "" if name == NON_FIELD_ERRORS else f"{form[name].label}: "
        lines.extend(f"{label}{error}" for error in errors)
    for formset in form.formsets.values():
        lines.extend(str(error) for error in formset.non_form_errors())
        for errors in formset.errors:
            for field_errors in errors.values():
                lines.extend(str(error) for error in field_errors)
    return lines


def draft_saved_but_blocked_message(form, action_name: str):
    """ "Draf tersimpan, tetapi belum dapat diajukan: …" with each missing item."""
    if action_name == "publish":
        intro = _("Draf tersimpan, tetapi belum dapat diterbitkan:")
    else:
        intro = _("Draf tersimpan, tetapi belum dapat diajukan:")
    items = format_html_join(
        "", "<li>{}</li>", ((line,) for line in _error_lines(form))
    )
    return format_html('{} <ul class="errorlist">{}</ul>', intro, items)


class _Caught:
    """The messages added while Wagtail's action ran, to replay selectively."""

    def __init__(self):
        self.added = []

    def replay(self, request, *, except_level=None):
        for message in self.added:
            if message.level != except_level:
                _add_again(request, message)


def _add_again(request, message):
    django_messages.add_message(
        request, message.level, message.message, extra_tags=message.extra_tags
    )


@contextmanager
def captured_messages(request):
    """Hold back the messages added inside the block; replay the ones to keep.

    Public API only: iterating ``get_messages`` returns every message so far and
    marks them read (none of them would be stored), while messages added later
    are queued and stored as usual. So read before and after the block: the
    difference is what the block added; the earlier ones are added back.
    """
    storage = django_messages.get_messages(request)
    earlier = list(storage)
    caught = _Caught()
    try:
        yield caught
    finally:
        caught.added = list(storage)[len(earlier) :]
        for message in earlier:
            _add_again(request, message)
