"""An imported item passes the rules an editor's item passes (cms/importer/gates.py):
the page an editor would make, model validation, the accessibility gate to go live."""

import dataclasses

import pytest

from cms.content.models import InfographicPage, NewsPage, PodcastPage, VideoPage
from cms.dip.models import DIPEntryPage
from cms.importer.lookups import ImportLookups
from cms.importer.pages import pages_create
from cms.importer.parsing import parse_line
from cms.importer.services import importer_user_ensure
from tests.factories.media import ImageFactory

from .conftest import dip_item, item, jsonl

pytestmark = pytest.mark.django_db

TEXT = "<p>Angka stunting turun 3 persen.</p>"


def test_the_text_of_media_items_is_shown_once(run_import):
    report = run_import(
        item(source_url="s/1", type="infografis", body_html=TEXT, status="draft"),
        item(source_url="s/2", type="video", body_html=TEXT, status="draft"),
        item(source_url="s/3", type="podcast", body_html=TEXT, status="draft"),
    )
    assert (report.created, report.bad) == (3, 0)
    infographic = InfographicPage.objects.get()
    assert infographic.text_alternative == TEXT
    # The portal shows the text alternative under the image: a body repeating it
    # would be read twice by a screen reader.
    assert len(infographic.body) == 0
    for page in (VideoPage.objects.get(), PodcastPage.objects.get()):
        assert page.transcript == TEXT
        assert len(page.body) == 0


def test_published_media_items_without_media_are_reported_and_the_rest_kept(
    run_import,
):
    report = run_import(
        item(source_url="s/1", type="infografis", body_html=TEXT),
        item(source_url="s/2"),
        item(source_url="s/3", type="video", title="Video Posyandu"),
        item(source_url="s/4", type="podcast", title="Siniar Posyandu"),
        item(source_url="s/5", type="infografis", title="Draf", status="draft"),
    )
    assert (report.created, report.bad) == (2, 3)
    reasons = {bad.line_no: bad.reason for bad in report.bad_lines}
    assert sorted(reasons) == [1, 3, 4]
    assert "cannot be published: Infografis belum memiliki gambar." in reasons[1]
    assert "berkas video" in reasons[3]
    assert "berkas audio" in reasons[4]
    assert all('"status": "draft"' in reason for reason in reasons.values())
    assert NewsPage.objects.get().live
    draft = InfographicPage.objects.get()
    assert (draft.title, draft.live) == ("Draf", False)


def test_an_item_completed_in_the_cms_goes_live_on_reimport(run_import):
    draft = item(source_url="s/1", type="infografis", body_html=TEXT, status="draft")
    run_import(draft)
    page = InfographicPage.objects.get()
    image = ImageFactory(title="Infografis stunting")
    image.contextual_alt_text, image.decorative = "Grafik stunting 2026.", False
    page.images = [("image", image)]
    page.save_revision().publish()

    report = run_import({**draft, "status": "published", "body_html": "<p>Baru.</p>"})
    assert (report.updated, report.bad) == (1, 0)
    page.refresh_from_db()
    assert page.live and page.text_alternative == "<p>Baru.</p>"
    assert len(page.images) == 1 and len(page.body) == 0


def test_a_reimport_cannot_publish_what_an_editor_could_not(run_import):
    draft = item(source_url="s/1", type="video", body_html=TEXT, status="draft")
    run_import(draft)
    report = run_import({**draft, "status": "published"})
    assert (report.updated, report.bad) == (0, 1)
    assert "cannot be published" in report.bad_lines[0].reason
    assert not VideoPage.objects.get().live


def test_model_rules_reject_a_record_parsing_let_through(opds):
    # Parsing mirrors DIPEntryPage.clean(); the page's own clean() still decides.
    good = parse_line(1, jsonl(dip_item())[0])
    exempted = dataclasses.replace(
        good,
        line_no=2,
        source_url="s/rm",
        dip=dataclasses.replace(good.dip, kategori="dikecualikan", dasar_hukum=""),
    )
    lookups = ImportLookups(user=importer_user_ensure())
    created, bad = pages_create([good, exempted], lookups)
    assert len(created) == 1
    assert [bad_line.line_no for bad_line in bad] == [2]
    assert bad[0].reason.startswith("invalid: dasar_hukum: ")
    assert DIPEntryPage.objects.get().kategori == "berkala"


def test_a_rejected_item_leaves_no_series_behind(run_import):
    from cms.series.models import SeriesPage

    report = run_import(
        item(source_url="s/1", type="infografis", series="seri-gizi"),  # no image
        item(source_url="s/2", type="video", series="seri-gizi", status="draft"),
    )
    assert report.bad == 1
    # The draft created it; the rejected infographic alone would not have.
    assert SeriesPage.objects.get().slug == "seri-gizi"

    report = run_import(item(source_url="s/3", type="infografis", series="seri-baru"))
    assert report.bad == 1
    assert not SeriesPage.objects.filter(slug="seri-baru").exists()
