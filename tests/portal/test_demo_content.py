"""The demo content passes the gates an editor's item passes, and its infographic
page looks like an editor's: an image with alt text, its text shown once."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from cms.content.accessibility import page_accessibility_problems
from cms.content.models import ContentPage, InfographicPage
from cms.core.demo.loader import demo_items_load

from .helpers import soup

pytestmark = pytest.mark.django_db
ITEMS = Path(__file__).resolve().parents[2] / "cms" / "core" / "demo" / "items.jsonl"


@pytest.fixture
def demo(settings):
    call_command("load_opds", stdout=None)
    return demo_items_load(ITEMS)


def test_every_demo_page_passes_validation_and_the_accessibility_gate(demo):
    pages = [page.specific for page in ContentPage.objects.all()]
    assert len(pages) >= 8
    for page in pages:
        page.full_clean()
        assert page_accessibility_problems(page) == [], page.title


def test_every_demo_infographic_is_live_with_an_image_and_alt_text(demo):
    infographics = InfographicPage.objects.all()
    assert infographics.exists()
    for page in infographics:
        assert page.live and not page.has_unpublished_changes
        (block,) = page.images
        assert block.value.file.size > 0 and block.value.width >= 800
        assert block.value.contextual_alt_text.startswith("Infografis")


def test_demo_infographic_page_shows_its_image_and_its_text_once(client, demo):
    page = InfographicPage.objects.get(title="Kenali dan Cegah Stunting Sejak Dini")
    html = soup(client.get(page.url))
    image = html.select_one("figure.infographic img")
    assert image["alt"].startswith("Infografis Kenali dan Cegah Stunting")
    text = strip_tags(str(html.find("main")))
    assert text.count("Timbang dan ukur balita setiap bulan di posyandu.") == 1


def test_loading_twice_adds_no_second_image(demo):
    from wagtail.images import get_image_model

    images = get_image_model().objects.count()
    assert demo_items_load(ITEMS) == 0
    assert get_image_model().objects.count() == images
