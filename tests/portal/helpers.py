"""Helpers of the portal page tests: the API suite's page and media makers plus a
little HTML reading."""

import json

from bs4 import BeautifulSoup

from tests.api.resources.helpers import (  # noqa: F401 - re-exported
    add_dip_entry,
    add_item,
    make_document,
    make_image,
    publish,
)


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(html_of(response), "html.parser")


def json_ld(response) -> list[dict]:
    """Every schema.org block of the page, parsed (invalid JSON fails the test)."""
    blocks = soup(response).find_all("script", type="application/ld+json")
    return [json.loads(block.string) for block in blocks]
