"""Preview tokens: they name one revision of one page, expire, and can't be forged."""

import pytest
from django.core import signing
from django.test import override_settings
from django.utils import timezone

from cms.content.preview import (
    TOKEN_SALT,
    PreviewTokenExpired,
    PreviewTokenInvalid,
    opd_site_preview_url,
    preview_token_mint,
    preview_token_read,
)
from tests.factories import add_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(opds):
    return add_item(opds["dinkes"], "Draf imunisasi", live=False)


def test_round_trip_names_the_page_and_revision(draft):
    revision = draft.latest_revision
    grant = preview_token_read(preview_token_mint(revision))
    assert (grant.page_id, grant.revision_id) == (draft.pk, revision.pk)
    remaining = (grant.expires_at - timezone.now()).total_seconds()
    assert 590 < remaining <= 600


@override_settings(API_PREVIEW_TOKEN_SECONDS=120)
def test_lifetime_comes_from_the_setting(draft):
    grant = preview_token_read(preview_token_mint(draft.latest_revision))
    assert 110 < (grant.expires_at - timezone.now()).total_seconds() <= 120


def test_expired_token_is_refused(draft):
    token = preview_token_mint(draft.latest_revision)
    # A negative lifetime makes any token too old, without waiting.
    with (
        override_settings(API_PREVIEW_TOKEN_SECONDS=-1),
        pytest.raises(PreviewTokenExpired),
    ):
        preview_token_read(token)


def test_tampered_token_is_refused(draft):
    token = preview_token_mint(draft.latest_revision)
    value, stamp, signature = token.rsplit(":", 2)
    forged_value = signing.dumps({"p": draft.pk + 1, "r": 1}, salt=TOKEN_SALT)
    for bad in [
        f"{value}:{stamp}:{signature[:-2]}xx",
        f"{forged_value.split(':')[0]}:{stamp}:{signature}",
        token[:-1],
        "bukan-token",
        "",
    ]:
        with pytest.raises(PreviewTokenInvalid):
            preview_token_read(bad)


def test_a_value_signed_for_another_purpose_is_not_a_token(draft):
    other = signing.TimestampSigner(salt="lain").sign_object(
        {"p": draft.pk, "r": draft.latest_revision.pk}
    )
    with pytest.raises(PreviewTokenInvalid):
        preview_token_read(other)


def test_preview_url_keeps_its_own_query():
    url = opd_site_preview_url(
        "https://dinkes.bantenprov.go.id/pratinjau?lang=id&id=9",
        token="t:1:s",
        page_id=5,
    )
    assert url == (
        "https://dinkes.bantenprov.go.id/pratinjau?lang=id&token=t%3A1%3As&id=5"
    )
