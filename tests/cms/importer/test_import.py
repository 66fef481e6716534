"""What an operator sees after ``import_content``: pages, updates, reports."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry

from cms.content.models import (
    ContentPage,
    NewsPage,
)
from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.dip.sorting import natural_sort_key
from cms.importer.models import ImportedItem
from cms.importer.services import IMPORT_USERNAME
from cms.series.models import SeriesPage

from .conftest import dip_item, item, jsonl

pytestmark = pytest.mark.django_db


def test_items_land_under_their_opd_with_body_tags_and_date(run_import, opds):
    report = run_import(item(tags=["stunting", "kesehatan"]))
    assert (report.created, report.bad) == (1, 0)
    page = NewsPage.objects.get()
    assert page.get_parent().specific == opds["diskominfo"]
    assert page.slug == "portal-terpadu-diluncurkan"
    assert page.publish_date.isoformat() == "2026-11-02T02:00:00+00:00"
    assert page.body[0].block_type == "paragraph"
    assert "satu alamat" in page.body[0].value.source
    assert sorted(page.tags.names()) == ["kesehatan", "stunting"]
    assert page.summary == "Satu pintu informasi publik."


def test_dip_entries_go_to_the_opd_dip_section(run_import, opds):
    exempted = dip_item(kategori="dikecualikan", dasar_hukum="Pasal 17 huruf h")
    exempted.update(source_url="s/rm", title="Rekam Medis")
    report = run_import(dip_item(), exempted)
    assert report.created == 2
    entry = DIPEntryPage.objects.get(kategori="berkala")
    assert (
        entry.get_parent().specific
        == DIPIndexPage.objects.child_of(opds["diskominfo"]).get()
    )
    assert (entry.tahun, entry.bentuk, entry.retensi) == (
        2025,
        "cetak_elektronik",
        "10 tahun",
    )
    assert entry.keterangan == "<p>Tersedia di layanan PPID.</p>"
    assert entry.title_sort_key == natural_sort_key(entry.title)  # natural order
    assert DIPEntryPage.objects.get(kategori="dikecualikan").dasar_hukum


def test_reimport_skips_unchanged_and_updates_changed_in_place(run_import):
    run_import(item(), item(source_url="s/2", title="Berita Kedua"))
    page_ids = set(ContentPage.objects.values_list("pk", flat=True))

    again = run_import(item(), item(source_url="s/2", title="Berita Kedua"))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    changed = run_import(item(title="Judul Diperbarui"))
    assert (changed.created, changed.updated) == (0, 1)
    assert set(ContentPage.objects.values_list("pk", flat=True)) == page_ids
    page = NewsPage.objects.get(
        pk=ImportedItem.objects.get(source_url=item()["source_url"]).page_id
    )
    assert page.title == "Judul Diperbarui" and page.live
    assert page.slug == "portal-terpadu-diluncurkan"  # links keep working
    assert page.revisions.count() == 2


def test_slugs_are_unique_among_siblings(run_import):
    run_import(item(source_url="s/1"), item(source_url="s/2"))
    slugs = sorted(NewsPage.objects.values_list("slug", flat=True))
    assert slugs == ["portal-terpadu-diluncurkan", "portal-terpadu-diluncurkan-2"]


def test_bad_lines_are_listed_the_good_ones_imported(opds, tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(
        "".join(
            jsonl(
                item(source_url="s/1"),
                item(source_url="s/2", opd="xyz"),
                '{"source_url": "s/3", ',
                item(source_url="s/4", published="2026-11-02T09:00:00"),
                item(source_url="s/1", title="Lagi"),
                item(source_url="s/6", title="Terakhir"),
            )
        )
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="4 bad line"):
        call_command("import_content", str(path), stdout=out, stderr=err)
    errors = err.getvalue().splitlines()
    assert errors[1].startswith("line 3: invalid JSON (Expecting property name")
    assert errors[:1] + errors[2:] == [
        "line 2: unknown OPD 'xyz'",
        "line 4: published '2026-11-02T09:00:00' has no UTC offset (e.g. +07:00)",
        "line 5: duplicate source_url (first on line 1)",
    ]
    assert "2 created, 0 updated, 0 unchanged, 4 bad" in out.getvalue()
    assert sorted(NewsPage.objects.values_list("title", flat=True)) == [
        "Portal Terpadu Diluncurkan",
        "Terakhir",
    ]


def test_a_clean_file_exits_normally(opds, tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text("".join(jsonl(item())))
    out = io.StringIO()
    call_command("import_content", str(path), stdout=out)
    assert "1 created" in out.getvalue()


def test_a_missing_file_is_a_clear_error(db):
    with pytest.raises(CommandError, match="cannot read /nope.jsonl"):
        call_command("import_content", "/nope.jsonl")


def test_html_is_reduced_to_what_editors_may_write(run_import):
    html = (
        '<h1>Judul</h1><p onclick="steal()" style="color:red">Teks <b>tebal</b> '
        '<a href="https://bantenprov.go.id" target="_blank">tautan</a> '
        '<a href="javascript:alert(1)">jahat</a></p>'
        "<script>alert('xss')</script><iframe src='https://x.test'>i</iframe>"
        "<ul><li>satu</li></ul>"
    )
    run_import(item(body_html=html))
    source = NewsPage.objects.get().body[0].value.source
    assert "script" not in source and "alert" not in source
    assert "iframe" not in source and "onclick" not in source
    assert "style" not in source and "javascript" not in source
    assert source == (
        '<h2>Judul</h2><p>Teks <b>tebal</b> <a href="https://bantenprov.go.id">'
        "tautan</a> <a>jahat</a></p><ul><li>satu</li></ul>"
    )


def test_drafts_stay_hidden_and_published_items_are_served(run_import, client):
    run_import(
        item(source_url="s/pub"),
        item(source_url="s/draft", title="Konsep", status="draft"),
    )
    published = NewsPage.objects.get(title="Portal Terpadu Diluncurkan")
    draft = NewsPage.objects.get(title="Konsep")
    assert client.get(published.url).status_code == 200
    assert not draft.live
    assert client.get(draft.get_url_parts()[2]).status_code == 404


def test_reimport_as_draft_unpublishes(run_import, client):
    run_import(item())
    page = NewsPage.objects.get()
    url = page.url
    assert client.get(url).status_code == 200
    report = run_import(item(status="draft", title="Ditarik"))
    assert report.updated == 1
    page.refresh_from_db()
    assert not page.live
    assert client.get(url).status_code == 404
    assert page.get_latest_revision().as_object().title == "Ditarik"


def test_revisions_and_log_are_attributed_to_the_import_user(run_import):
    run_import(item())
    page = NewsPage.objects.get()
    importer = page.get_latest_revision().user
    assert importer.username == IMPORT_USERNAME
    assert not importer.is_active and not importer.has_usable_password()
    assert page.owner == importer
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", "user"))
    assert actions == {
        ("wagtail.create", importer.pk),
        ("wagtail.publish", importer.pk),
    }


def test_a_series_is_created_once_and_joined_from_two_opds(run_import, opds):
    run_import(
        item(
            source_url="s/1", series="info-rb-tematik", series_title="Info RB Tematik"
        ),
        item(
            source_url="s/2",
            opd="dinkes",
            title="Cegah Stunting",
            series="info-rb-tematik",
        ),
    )
    series = SeriesPage.objects.get()
    assert (series.slug, series.title, series.live) == (
        "info-rb-tematik",
        "Info RB Tematik",
        True,
    )
    assert series.get_parent().specific == opds["diskominfo"]
    assert {i.opd.slug for i in series.items.all()} == {"diskominfo", "dinkes"}


def test_an_existing_series_of_another_opd_is_joined(run_import, opds):
    existing = opds["bpbd"].add_child(
        instance=SeriesPage(title="Siaga Bencana", slug="siaga")
    )
    run_import(item(series="siaga"))
    assert NewsPage.objects.get().series_id == existing.pk
    assert SeriesPage.objects.count() == 1


def test_the_type_of_an_imported_item_cannot_change(run_import):
    run_import(item())
    report = run_import(item(type="artikel"))
    assert report.bad == 1
    assert "type cannot change" in report.bad_lines[0].reason
    assert Page.objects.type(NewsPage).count() == 1


def test_a_deleted_page_is_imported_again(run_import):
    run_import(item())
    NewsPage.objects.get().delete()
    assert run_import(item()).created == 1
    assert NewsPage.objects.count() == 1


def test_unknown_opd_is_reported_by_line(run_import):
    report = run_import(item(), item(source_url="s/2", opd="xyz"))
    assert report.created == 1
    assert [str(b) for b in report.bad_lines] == ["line 2: unknown OPD 'xyz'"]
