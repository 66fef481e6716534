"""Every content type renders with its OPD; moving an item keeps its OPD right."""

from datetime import timedelta

import pytest
from wagtail.rich_text import RichText

from cms.content.models import (
    AnnouncementPage,
    ArticlePage,
    InfographicPage,
    NewsPage,
    PodcastPage,
    PublicationPage,
    VideoPage,
)
from tests.factories import add_item, add_series

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model, extra, expected",
    [
        (NewsPage, {}, "Rilis uji"),
        (ArticlePage, {"author_name": "Siti Aminah"}, "Rilis uji"),
        (
            AnnouncementPage,
            {"location": "Pendopo Gubernur, Serang"},
            "Pendopo Gubernur, Serang",
        ),
        (
            InfographicPage,
            {"text_alternative": "<p>Angka stunting turun 3 persen.</p>"},
            "Angka stunting turun 3 persen.",
        ),
        (
            VideoPage,
            {
                "embed_url": "https://www.youtube.com/watch?v=abc",
                "transcript": "<p>Halo warga Banten.</p>",
                "duration": timedelta(seconds=59),
            },
            "Halo warga Banten.",
        ),
        (
            PodcastPage,
            {"transcript": "<p>Episode pertama siniar.</p>"},
            "Episode pertama siniar.",
        ),
        (PublicationPage, {}, "Rilis uji"),
    ],
)
def test_each_type_renders_with_its_text(client, opds, model, extra, expected):
    page = add_item(
        opds["dinkes"],
        "Rilis uji",
        model=model,
        slug="uji",
        body=[("paragraph", RichText("<p>Isi utama.</p>"))],
        **extra,
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html and "Isi utama." in html
    assert "Dinas Kesehatan" in html


def test_series_lists_items_from_several_opds_in_order(client, opds):
    series = add_series(opds["diskominfo"], "Info RB Tematik", slug="info-rb")
    add_item(opds["dinkes"], "Bagian dua", slug="b2", series=series, series_order=2)
    add_item(opds["bpbd"], "Bagian satu", slug="b1", series=series, series_order=1)
    html = client.get(series.url).content.decode()
    assert html.index("Bagian satu") < html.index("Bagian dua")


def test_moving_an_item_moves_it_to_the_new_opd(opds):
    page = add_item(opds["dinkes"], "Pindah", slug="pindah")
    assert page.opd_id == opds["dinkes"].pk
    page.move(opds["bpbd"], pos="last-child")
    assert NewsPage.objects.get(pk=page.pk).opd_id == opds["bpbd"].pk
