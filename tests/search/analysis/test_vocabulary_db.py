"""The editable vocabulary: the snippet, the cross-process cache bump, the loader."""

import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail import hooks

from search.language import analysis, vocabulary
from search.language.analysis import analyze, analyze_query
from search.language.models import SearchTerm

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def own_cache_keys(settings):
    """Parallel test runs share Redis: a key prefix of our own keeps their version
    bumps from reloading our vocabulary mid-test."""
    default = dict(settings.CACHES["default"], KEY_PREFIX=f"test-{uuid.uuid4().hex}")
    settings.CACHES = {**settings.CACHES, "default": default}


def test_without_rows_the_static_file_is_used(db_vocabulary):
    assert SearchTerm.objects.count() == 0
    assert (
        "ppid"
        in analyze_query("pejabat pengelola informasi dan dokumentasi").expansions
    )


def test_a_saved_term_is_seen_at_once_by_this_process(
    db_vocabulary, django_capture_on_commit_callbacks
):
    assert analyze_query("sipanganten").expansions == []
    with django_capture_on_commit_callbacks(execute=True):
        SearchTerm.objects.create(
            term="Sipanganten", expansions="sistem informasi pengelolaan konten"
        )
    assert analyze_query("sipanganten").expansions == [
        analyze("sistem informasi pengelolaan konten")
    ]
    # The table now has rows: it replaces the static file entirely.
    assert analyze_query("ppid").expansions == []


def _edit_from_another_process(**fields):
    """A row written without this process's signal handlers running (bulk_create
    sends no post_save), as if another worker had saved it."""
    SearchTerm.objects.bulk_create([SearchTerm(**fields)])


@pytest.mark.parametrize("caches", [None, LOCMEM], ids=["redis", "locmem"])
def test_other_processes_see_an_edit_after_the_version_bump(
    db_vocabulary, settings, caches
):
    if caches:
        settings.CACHES = caches
    assert analyze_query("tengkes").expansions == ["stunting"]  # static file
    _edit_from_another_process(term="tengkes", expansions="stunting\nkerdil")
    assert analyze_query("tengkes").expansions == ["stunting"]  # version unchanged
    vocabulary.bump_version()  # what the other worker's signal handler does
    assert analyze_query("tengkes").expansions == ["stunting", "kerdil"]


def test_version_is_checked_at_most_every_interval(db_vocabulary, settings):
    settings.SEARCH_VOCABULARY_CHECK_SECONDS = 3600
    analysis.invalidate_vocabulary()
    assert analyze_query("tengkes").expansions == ["stunting"]
    _edit_from_another_process(term="tengkes", expansions="kerdil")
    vocabulary.bump_version()
    assert analyze_query("tengkes").expansions == ["stunting"]  # not yet checked
    analysis._state.checked_at -= 3601  # the interval has passed
    assert analyze_query("tengkes").expansions == ["kerdil"]


def test_deleting_a_term_removes_its_expansions(
    db_vocabulary, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        term = SearchTerm.objects.create(term="ppid", expansions=PPID_LONG)
        SearchTerm.objects.create(term="dinkes", expansions="dinas kesehatan")
    assert analyze_query("ppid").expansions
    with django_capture_on_commit_callbacks(execute=True):
        term.delete()
    assert analyze_query("ppid").expansions == []


PPID_LONG = "pejabat pengelola informasi dan dokumentasi"


def test_terms_are_stored_normalised():
    term = SearchTerm.objects.create(term="  Satpol-PP ")
    assert term.term == "satpol pp"


def test_protected_term_from_the_snippet(
    db_vocabulary, django_capture_on_commit_callbacks
):
    assert analyze("pelayanan") == "layan"
    with django_capture_on_commit_callbacks(execute=True):
        SearchTerm.objects.create(term="pelayanan", protect_from_stemming=True)
    assert analyze("pelayanan") == "pelayanan"


def test_load_search_vocabulary_is_idempotent_and_keeps_editor_additions(
    db_vocabulary,
):
    starter = len(vocabulary.read_vocabulary_file())
    call_command("load_search_vocabulary", stdout=_Null())
    assert SearchTerm.objects.count() == starter

    SearchTerm.objects.create(term="sipanganten", expansions="portal konten")
    ppid = SearchTerm.objects.get(term="ppid")
    ppid.expansions += "\npejabat informasi"
    ppid.notes = "Catatan editor"
    ppid.save()

    call_command("load_search_vocabulary", stdout=_Null())
    call_command("load_search_vocabulary", stdout=_Null())
    assert SearchTerm.objects.count() == starter + 1
    assert SearchTerm.objects.filter(term="sipanganten").exists()
    ppid.refresh_from_db()
    assert ppid.expansions.splitlines() == [PPID_LONG, "pejabat informasi"]
    assert ppid.notes == "Catatan editor"

    analysis.invalidate_vocabulary()
    expansions = analyze_query("ppid").expansions
    assert analyze(PPID_LONG) in expansions
    assert analyze("pejabat informasi") in expansions


def test_editors_find_the_vocabulary_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("vocab-admin", password="x")
    client.force_login(admin)
    SearchTerm.objects.create(term="ppid", expansions=PPID_LONG)
    listing = client.get(reverse("wagtailsnippets_public_search_searchterm:list"))
    assert listing.status_code == 200
    assert b"ppid" in listing.content
    add_url = reverse("wagtailsnippets_public_search_searchterm:add")
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        {"term": "Sipanganten", "expansions": "portal konten", "notes": ""},
    )
    assert response.status_code == 302
    assert SearchTerm.objects.filter(term="sipanganten").exists()
    # Listed in the "Pencarian" menu through the group's submenu hook.
    labels = [fn().label for fn in hooks.get_hooks("register_public_search_menu_item")]
    assert "Istilah pencarian" in labels


class _Null:
    def write(self, *args, **kwargs):
        pass
