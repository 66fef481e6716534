"""The bulk path leaves pages exactly as Wagtail's own API would, indexes included."""

import pytest
from django.db import DatabaseError
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.rich_text import RichText

from cms.content.models import NewsPage
from cms.importer import pages as import_pages
from cms.series.models import SeriesPage

from .conftest import item

pytestmark = pytest.mark.django_db

STATE = [
    "live",
    "has_unpublished_changes",
    "depth",
    "numchild",
    "locale_id",
    "expired",
    "locked",
    "show_in_menus",
]


def _by_wagtail(opd, **fields):
    page = NewsPage(**fields)
    opd.add_child(instance=page)
    page.save_revision(user=None).publish()
    return NewsPage.objects.get(pk=page.pk)


def test_an_imported_page_matches_one_made_through_wagtail(run_import, opds):
    run_import(item(series="seri-uji"))
    imported = NewsPage.objects.get(title="Portal Terpadu Diluncurkan")
    series = SeriesPage.objects.get()
    reference = _by_wagtail(
        opds["diskominfo"],
        title="Dibuat di admin",
        body=[("paragraph", RichText("<p>x</p>"))],
        series=series,
    )
    for name in STATE:
        assert getattr(imported, name) == getattr(reference, name), name
    assert imported.url_path == f"{opds['diskominfo'].url_path}{imported.slug}/"
    assert imported.live_revision_id == imported.latest_revision_id
    assert imported.first_published_at and imported.last_published_at
    assert imported.latest_revision_created_at == imported.latest_revision.created_at
    assert imported.opd == opds["diskominfo"]
    # The revision restores the page, as the admin's editor and "revert" need.
    restored = imported.latest_revision.as_object()
    assert restored.title == imported.title and restored.series == series
    assert restored.body[0].value.source == imported.body[0].value.source
    assert set(
        PageLogEntry.objects.filter(page=imported).values_list("action", flat=True)
    ) == set(
        PageLogEntry.objects.filter(page=reference).values_list("action", flat=True)
    )


def test_the_tree_stays_valid(run_import, opds):
    run_import(*[item(source_url=f"s/{n}", title=f"Berita {n % 3}") for n in range(7)])
    opds["diskominfo"].add_child(instance=NewsPage(title="Sesudah impor"))
    assert all(not problems for problems in Page.find_problems())
    opd = Page.objects.get(pk=opds["diskominfo"].pk)
    assert opd.numchild == opd.get_children().count() == 9  # + the DIP section


def test_imported_pages_are_searchable_and_in_the_reference_index(run_import):
    run_import(item(series="seri-uji", body_html="<p>Posyandu keliling</p>"))
    page = NewsPage.objects.get()
    assert list(NewsPage.objects.search("Posyandu")) == [page]
    usage = ReferenceIndex.get_references_to(SeriesPage.objects.get())
    assert page.pk in {int(ref.object_id) for ref in usage}


def test_search_updates_resume_after_an_import(run_import, opds):
    run_import(item())
    later = opds["dinkes"].add_child(instance=NewsPage(title="Imunisasi Kejar"))
    later.save_revision().publish()
    assert list(NewsPage.objects.search("Imunisasi")) == [later]


def test_a_database_failure_costs_only_its_own_line(run_import, monkeypatch):
    original = import_pages.page_fields

    def failing(record, lookups, opd, **options):
        if record.title == "Rusak":
            raise DatabaseError("disk penuh")
        return original(record, lookups, opd, **options)

    monkeypatch.setattr(import_pages, "page_fields", failing)
    report = run_import(
        item(source_url="s/1"),
        item(source_url="s/2", title="Rusak"),
        item(source_url="s/3", title="Berita Ketiga"),
    )
    assert (report.created, report.bad) == (2, 1)
    assert str(report.bad_lines[0]) == "line 2: not saved: disk penuh"
    assert NewsPage.objects.count() == 2
    assert all(not problems for problems in Page.find_problems())


def test_bulk_reference_rows_equal_wagtails_own(run_import):
    run_import(
        item(series="seri-uji", body_html='<p><a href="https://x.test">x</a></p>')
    )
    page = NewsPage.objects.get()

    def rows():
        return set(
            ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                "content_type",
                "base_content_type",
                "to_content_type",
                "to_object_id",
                "model_path",
                "content_path",
                "content_path_hash",
            )
        )

    bulk = rows()
    assert len(bulk) >= 2  # the OPD and the series
    ReferenceIndex.objects.filter(object_id=str(page.pk)).delete()
    ReferenceIndex.create_or_update_for_object(page)
    assert rows() == bulk
