"""Import records -> Wagtail pages: field mapping, creation, update.

Creating is the bulk case and is done per batch so it scales: ``TreeSlots`` places
the pages in the tree as treebeard's ``add_child`` would, after ``gates.page_check``
has held each one to the editors' rules. Each page is written by
Wagtail's ``Page.save``, then the whole batch gets its first revisions, publish state,
audit log entries and ``page_published`` signals in a few bulk statements. The end
state is the one ``add_child`` + ``save_revision()`` + ``revision.publish()`` leave
behind for a new page (tests/cms/importer/test_pages.py compares the two), at a
fraction of the queries. Updating an existing page is rare and goes through Wagtail's
own ``save_revision`` / ``publish`` / unpublish actions unchanged.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.rich_text import RichText
from wagtail.signals import page_published, published

from cms.content.models import IMPORTABLE_TYPES, ContentTag
from cms.dip.models import DIPEntryPage

from .gates import page_check
from .indexing import prefetch_child_relations
from .lookups import ImportLookups
from .parsing import DIP_TYPE, BadLine, ImportRecord, RecordError
from .richtext import sanitise_html

MODELS = {**IMPORTABLE_TYPES, DIP_TYPE: DIPEntryPage}
# Types whose text is the one screen readers and search rely on.
TEXT_FIELDS = {
    "infografis": "text_alternative",
    "video": "transcript",
    "podcast": "transcript",
}


def page_fields(
    record: ImportRecord, lookups: ImportLookups, opd, *, with_series: bool = True
) -> dict:
    """Model field values for the record (not tree position, slug or tags).
    ``with_series=False`` leaves the series out: ``page_series`` then creates a
    missing one only for a record that passed the editors' checks."""
    html = sanitise_html(record.body_html)
    if record.type == DIP_TYPE:
        dip = record.dip
        return {
            "title": record.title,
            "kategori": dip.kategori,
            "ringkasan": dip.ringkasan,
            "pejabat_penguasa": dip.pejabat_penguasa,
            "penanggung_jawab": dip.penanggung_jawab,
            "bentuk": dip.bentuk,
            "retensi": dip.retensi,
            "tahun": dip.tahun,
            "dasar_hukum": dip.dasar_hukum,
            "keterangan": html,
        }
    fields = {
        "title": record.title,
        "publish_date": record.published,
        "summary": record.summary,
        "body": [("paragraph", RichText(html))] if html else [],
    }
    if with_series:
        fields["series"] = page_series(record, lookups, opd)
    # The text of an infographic, video or podcast goes where an editor puts it,
    # once: the page shows that field next to the media, so a body would repeat it.
    if text_field := TEXT_FIELDS.get(record.type):
        fields[text_field], fields["body"] = html, []
    return fields


def page_series(record: ImportRecord, lookups: ImportLookups, opd):
    if not record.series:
        return None
    return lookups.series(record.series, owner=opd, title=record.series_title)


def page_parent(record: ImportRecord, lookups: ImportLookups, opd) -> Page:
    return lookups.dip_section(opd) if record.type == DIP_TYPE else opd


def pages_create(records: list[ImportRecord], lookups: ImportLookups):
    """New pages for these records, published or draft; returns (created, bad)."""
    prepared, bad = [], []
    for record in records:
        # Everything that may reject the record, or create a series, comes first:
        # the tree is locked and placed only for records that will be written.
        try:
            opd = lookups.opd(record.opd)
            parent = page_parent(record, lookups, opd)
            page = MODELS[record.type](
                **page_fields(record, lookups, opd, with_series=False),
                draft_title=record.title,
                owner=lookups.user,
                locale_id=parent.locale_id,
                live=False,
                has_unpublished_changes=True,
            )
            page_check(page, publish=record.is_published)
            if record.type != DIP_TYPE:
                page.series = page_series(record, lookups, opd)
            tags = lookups.tags(record.tags)
        except RecordError as exc:
            bad.append(BadLine(record.line_no, str(exc)))
            continue
        prepared.append((record, parent, page, tags))

    user, tree = lookups.user, lookups.tree
    tree.lock(parent for _r, parent, _p, _t in prepared)
    saved_at = timezone.now()  # the "wagtail.create" time, before the publish
    created, tag_rows = [], []
    for record, parent, page, tags in prepared:
        tree.place(page, parent, record.title)
        page._is_site_root = False  # Wagtail's own shortcut: spares a query in save()
        # Validated by page_check; the slug is unique by construction. log_action=None:
        # the "wagtail.create" entries are written in bulk below.
        page.save(clean=False, log_action=None)
        created.append((record, page))
        tag_rows.extend(ContentTag(tag=tag, content_object_id=page.pk) for tag in tags)
    tree.finish()
    ContentTag.objects.bulk_create(tag_rows)
    by_model = defaultdict(list)
    for _record, page in created:
        by_model[type(page)].append(page)
    for group in by_model.values():
        prefetch_child_relations(group)  # the revisions serialise them
    _pages_publish_created(created, user=user, saved_at=saved_at)
    return created, bad


def _pages_publish_created(created: list[tuple[ImportRecord, Page]], *, user, saved_at):
    """First revision for every new page; publish the published ones, in bulk."""
    if not created:
        return
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=page_type,
                object_id=str(page.pk),
                user=user,
                created_at=now,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for _record, page in created
        ]
    )
    live = [page for record, page in created if record.is_published]
    # Set-based updates: a CASE per row and field (bulk_update) costs more in Python
    # than everything else here.
    latest = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__in=[page.pk for _r, page in created]).update(
        latest_revision_id=Subquery(latest.values("pk")[:1]),
        latest_revision_created_at=now,
    )
    Page.objects.filter(pk__in=[page.pk for page in live]).update(
        live=True,
        live_revision_id=F("latest_revision_id"),
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )
    logs = []
    for (record, page), revision in zip(created, revisions, strict=True):
        page.latest_revision, page.latest_revision_created_at = revision, now
        logs.append(_log(page, "wagtail.create", user, saved_at))
        if record.is_published:
            page.live, page.live_revision = True, revision
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now
            logs.append(_log(page, "wagtail.publish", user, now, revision))
    PageLogEntry.objects.bulk_create(logs)
    for (record, page), revision in zip(created, revisions, strict=True):
        if record.is_published:
            # Same receivers as a publish from the admin (search outbox, webhooks...).
            page_published.send(sender=type(page), instance=page, revision=revision)
            published.send(sender=type(page), instance=page, revision=revision)


def _log(page, action, user, now, revision=None) -> PageLogEntry:
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=page.get_admin_display_title(),
        action=action,
        data={},
        timestamp=now,
        user=user,
        page_id=page.pk,
        revision=revision,
        content_changed=True,
    )


def page_update(record: ImportRecord, page: Page, lookups: ImportLookups) -> None:
    """Apply a changed record to its page through Wagtail's own revision actions.

    The slug stays (links keep working). ``draft`` on a live page unpublishes it: the
    source is the authority on what is public.
    """
    opd = lookups.opd(record.opd)
    if page.type_code != record.type:
        raise RecordError(
            f"type cannot change on re-import (page {page.pk} is '{page.type_code}')"
        )
    if not page.path.startswith(opd.path):
        raise RecordError(
            f"OPD cannot change on re-import (page {page.pk} is not under '{opd.slug}')"
        )
    for name, value in page_fields(record, lookups, opd, with_series=False).items():
        setattr(page, name, value)
    # Wagtail's save_revision validates the model; the publish gate is ours to ask.
    page_check(page, publish=record.is_published, validate=False)
    if record.type != DIP_TYPE:
        page.series = page_series(record, lookups, opd)
    if record.type != DIP_TYPE:
        page.tags.set(lookups.tags(record.tags))
    user = lookups.user
    try:
        with transaction.atomic():
            revision = page.save_revision(user=user, log_action=True)
            if record.is_published:
                revision.publish(user=user, skip_permission_checks=True)
            elif page.live:
                UnpublishPageAction(page, user=user).execute(
                    skip_permission_checks=True
                )
    except ValidationError as exc:
        raise RecordError("; ".join(exc.messages)) from None
