"""POST payloads of Wagtail's page editor, built as the admin's browser would send them.

The content types share one form layout (``ContentPage.panels_with``); each test names
only the fields it cares about.
"""

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail.test.utils.timestamps import submittable_timestamp

RICH_TEXT_FIELDS = {"text_alternative", "transcript", "show_notes", "keterangan"}
STREAM_FIELDS = {"body", "images"}
CHECKBOXES = {"serta_merta", "request_featuring"}


def _form(base: dict, fields: dict) -> dict:
    data = dict(base)
    for name, value in fields.items():
        if name in CHECKBOXES:
            if value:
                data[name] = "on"
        elif name in RICH_TEXT_FIELDS:
            data[name] = rich_text(value)
        elif name in STREAM_FIELDS:
            data[name] = streamfield(value)
        elif name == "documents":
            data[name] = inline_formset([{"document": d.pk} for d in value])
        elif hasattr(value, "pk"):
            data[name] = value.pk
        else:
            data[name] = value
    return nested_form_data(data)


def content_form(title: str, **fields) -> dict:
    """Edit form of any content type; ``serta_merta=True``, ``images=[...]``..."""
    base = {
        "title": title,
        "slug": fields.pop("slug", None) or title.lower().replace(" ", "-"),
        "publish_date": submittable_timestamp(timezone.now()),
        "summary": "",
        "hero_image": "",
        "hero_alt": "",
        "tags": "",
        "body": streamfield([]),
        "related_links": inline_formset([]),
        "series": "",
        "series_order": "0",
        "comments": inline_formset([]),
    }
    return _form(base, fields)


def dip_entry_form(title: str, **fields) -> dict:
    base = {
        "title": title,
        "slug": fields.pop("slug", None) or title.lower().replace(" ", "-"),
        "kategori": "berkala",
        "nomor": "",
        "tahun": "2026",
        "ringkasan": "",
        "pejabat_penguasa": "",
        "penanggung_jawab": "",
        "waktu_pembuatan": "",
        "tempat_pembuatan": "",
        "bentuk": "elektronik",
        "retensi": "",
        "dasar_hukum": "",
        "dikecualikan_sampai": "",
        "keterangan": rich_text(""),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
    }
    return _form(base, fields)


def add_url(model, parent) -> str:
    meta = model._meta
    return reverse(
        "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action: str) -> str:
    task_state = page.current_workflow_task_state
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
    )


def is_refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard
    (and an error message); a plain view may answer 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def form_errors(response) -> str:
    """All error messages of the re-rendered editor, as one string."""
    form = response.context["form"]
    messages = [str(m) for m in form.non_field_errors()]
    for errors in form.errors.values():
        messages.extend(str(e) for e in errors)
    return " | ".join(messages)


def messages_text(response) -> str:
    """The admin messages a response leaves for the next page, as one string."""
    return " | ".join(str(m) for m in get_messages(response.wsgi_request))


def post_create(client, model, parent, title, *, action=None, **fields):
    """Post the 'add page' form as the logged-in user; ``action`` is ``"submit"`` or
    ``"publish"`` (None saves a draft). Returns the created page (specific) and the
    response."""
    data = content_form(title, **fields)
    if action:
        data[f"action-{action}"] = "1"
    response = client.post(add_url(model, parent), data)
    assert response.status_code == 302, form_errors(response)
    return model.objects.get(slug=data["slug"]), response


def create_via_admin(client, model, parent, title, *, action=None, **fields):
    """``post_create``'s page."""
    return post_create(client, model, parent, title, action=action, **fields)[0]
