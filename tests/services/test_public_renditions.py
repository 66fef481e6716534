"""Image renditions on S3 (moto): those of public images are public objects under
public/ with plain URLs (no per-URL signing: a page shows dozens); those of images
in a restricted collection, and every document, stay private and signed."""

import os
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from tests.factories import DocumentFactory, ImageFactory, add_item

pytestmark = pytest.mark.django_db

SIGNED = "Signature="  # SigV2 or SigV4 (X-Amz-Signature=)


def anonymous_get(url: str) -> int:
    if url.startswith("/"):
        url = os.environ["AWS_S3_ENDPOINT_URL"] + url
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_public_images_rendition_has_a_plain_public_url(opds):
    rendition = ImageFactory().get_rendition("fill-300x200")
    assert rendition.file.name.startswith("public/images/")
    assert "?" not in rendition.url and SIGNED not in rendition.url
    assert anonymous_get(rendition.url) == 200


def test_a_restricted_collections_image_and_document_stay_signed(opds):
    exempt = opds["dinkes"].exempt_collection
    rendition = ImageFactory(collection=exempt).get_rendition("fill-300x200")
    assert rendition.file.name.startswith("images/")
    assert SIGNED in rendition.url
    assert anonymous_get(rendition.url.split("?")[0]) == 403
    document = DocumentFactory(collection=exempt)
    assert SIGNED in document.file.url
    assert anonymous_get(document.file.url.split("?")[0]) == 403


def test_an_image_moved_into_a_restricted_collection_loses_its_public_renditions(
    opds,
):
    image = ImageFactory()
    public = image.get_rendition("fill-300x200")
    image.collection = opds["dinkes"].exempt_collection
    image.save()
    assert not image.renditions.filter(pk=public.pk).exists()
    private = image.get_rendition("fill-300x200")
    assert private.file.name.startswith("images/") and SIGNED in private.url


def test_home_page_html_holds_no_signed_url_for_public_renditions(client, opds):
    image = ImageFactory(title="Posyandu")
    add_item(opds["dinkes"], "Posyandu keliling", hero_image=image, hero_alt="Balita")
    html = client.get("/").content.decode()
    page = BeautifulSoup(html, "html.parser")
    sources = [page.select_one(".card picture img")["src"]]
    sources += [
        candidate.split()[0]
        for tag in page.select(".card picture source, .card picture img")
        for candidate in (tag.get("srcset") or "").split(",")
        if candidate.strip()
    ]
    assert len(sources) > 1
    assert all("/public/images/" in url for url in sources), sources
    assert SIGNED not in html
    assert anonymous_get(sources[0]) == 200
