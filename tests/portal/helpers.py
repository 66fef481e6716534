"""Helpers of the portal page tests: a little HTML reading."""

import json

from bs4 import BeautifulSoup


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(html_of(response), "html.parser")


def json_ld(response) -> list[dict]:
    """Every schema.org block of the page, parsed (invalid JSON fails the test)."""
    blocks = soup(response).find_all("script", type="application/ld+json")
    return [json.loads(block.string) for block in blocks]
