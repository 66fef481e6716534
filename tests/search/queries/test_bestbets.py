"""Best bets: pinned public pages first, never repeated, never unpublished."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.core.content_generation import bump_content_generation, ensure_generation
from search.language.analysis import analyze
from search.queries import bet_keys
from search.queries.bestbets import pinned_pages
from search.queries.models import BestBet
from search.queries.public import search_public
from search.queries.results import PageDescriber
from tests.factories import add_item

from .conftest import params
from .corpus import to_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_index")]


@pytest.fixture
def ppdb_page(opds, index_extra):
    """A published page, also indexed under its real id (``page:<pk>``)."""
    page = add_item(
        opds["diskominfo"],
        "Info PPDB Banten 2025",
        summary="Semua tautan PPDB di satu halaman.",
    )
    document = to_document(
        {
            "id": 0,
            "kind": "rilis",
            "opd": "diskominfo",
            "published": "2025-05-01",
            "title": page.title,
            "summary": page.summary,
            "body": "PPDB SMA dan SMK.",
            "tags": ["ppdb"],
        },
        analyze,
    )
    document["object_key"] = f"page:{page.pk}"
    index_extra(document)
    return page


def test_a_best_bet_is_pinned_first_and_not_repeated(ppdb_page):
    unpinned = search_public(params("PPDB"), record=False)
    assert "Info PPDB Banten 2025" in [hit.title for hit in unpinned.results]

    BestBet.objects.create(query="  PPDB! ", page=ppdb_page)
    assert BestBet.objects.get().query == "ppdb"
    result = search_public(params("ppdb"), record=False)
    first, *rest = result.results
    assert first.promoted and first.title == "Info PPDB Banten 2025"
    assert first.type == "rilis" and first.opd["slug"] == "diskominfo"
    assert first.url == ppdb_page.get_url_parts()[2]
    assert "Info PPDB Banten 2025" not in [hit.title for hit in rest]
    assert not any(hit.promoted for hit in rest)
    assert result.count == unpinned.count


def test_a_best_bet_shows_on_page_one_only_but_stays_excluded(ppdb_page):
    BestBet.objects.create(query="ppdb", page=ppdb_page)
    second = search_public(params("ppdb", page=2, page_size=1), record=False)
    assert [hit.promoted for hit in second.results] == [False]
    assert second.results[0].title != "Info PPDB Banten 2025"


def test_a_best_bet_must_match_the_filters(ppdb_page):
    BestBet.objects.create(query="ppdb", page=ppdb_page)
    matching = search_public(
        params("ppdb", type="rilis", opd="diskominfo"), record=False
    )
    assert matching.results[0].promoted
    other = search_public(params("ppdb", type="pengumuman"), record=False)
    assert not any(hit.promoted for hit in other.results)
    assert other.results  # the SMA/SMK announcement still comes


def test_a_best_bet_to_an_unpublished_page_is_not_shown(opds, ppdb_page):
    draft = add_item(opds["diskominfo"], "Draf PPDB Rahasia", live=False)
    BestBet.objects.create(query="ppdb", page=draft, sort_order=0)
    BestBet.objects.create(query="ppdb", page=ppdb_page, sort_order=1)
    result = search_public(params("ppdb"), record=False)
    promoted = [hit.title for hit in result.results if hit.promoted]
    assert promoted == ["Info PPDB Banten 2025"]
    assert "Draf PPDB Rahasia" not in [hit.title for hit in result.results]


def test_inactive_and_expired_best_bets_are_not_shown(ppdb_page):
    bet = BestBet.objects.create(query="ppdb", page=ppdb_page, active=False)

    def promoted():
        return [
            h for h in search_public(params("ppdb"), record=False).results if h.promoted
        ]

    assert promoted() == []
    bet.active = True
    bet.expires_at = timezone.now() - timedelta(minutes=1)
    bet.save()
    assert promoted() == []
    bet.expires_at = timezone.now() + timedelta(days=1)
    bet.save()
    assert len(promoted()) == 1


def promoted_titles(q: str) -> list[str]:
    result = search_public(params(q), record=False)
    return [hit.title for hit in result.results if hit.promoted]


def test_a_query_without_a_best_bet_asks_the_database_nothing(
    ppdb_page, django_assert_num_queries
):
    BestBet.objects.create(query="ppdb", page=ppdb_page)
    assert promoted_titles("ppdb") == ["Info PPDB Banten 2025"]
    with django_assert_num_queries(0):
        assert pinned_pages(params("stunting"), PageDescriber()) == []


def test_a_best_bet_saved_elsewhere_shows_after_that_commit(ppdb_page):
    bet_keys.forget()  # as a fresh process (earlier tests' rows were rolled back)
    assert promoted_titles("ppdb") == []  # this process now holds the keys
    # Another process saves a best bet (this process is not told) ...
    BestBet.objects.bulk_create([BestBet(query="ppdb", page=ppdb_page)])
    assert promoted_titles("ppdb") == []
    # ... and its commit bumps the content generation, which every process reads.
    bump_content_generation()
    assert promoted_titles("ppdb") == ["Info PPDB Banten 2025"]


def test_saving_a_best_bet_bumps_the_generation_after_the_commit(
    ppdb_page, django_capture_on_commit_callbacks
):
    before = ensure_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        BestBet.objects.create(query="ppdb", page=ppdb_page)
        assert ensure_generation() == before  # not before the commit
    assert callbacks and ensure_generation() != before


def test_with_redis_down_best_bets_come_from_the_database(ppdb_page, settings):
    BestBet.objects.create(query="ppdb", page=ppdb_page)
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.core.failsafe_cache.FailSafeRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    assert promoted_titles("ppdb") == ["Info PPDB Banten 2025"]
