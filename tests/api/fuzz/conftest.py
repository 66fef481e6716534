"""Fixtures of the schema fuzz: realistic content made once for the package, served by
the real WSGI application in-process.

The content is built once (a package-scoped transaction, rolled back at the end)
rather than per test: building pages, images on S3 and a search index takes
seconds, and the fuzz only reads. Tests of this package therefore see this content
(and must not create OPDs of the same slugs). Each test still runs in its own savepoint
(pytest-django's ``db``), so anything a request writes (e.g. the search query log)
is undone after each operation.
"""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction

from tests.api.conftest import delete_api_cache_state

SCHEMA_PATH = "/api/v1/schema/"
# No limit the fuzz could reach (it sends a few thousand requests from one address)
# while the throttle's code, Redis script included, still runs on every request.
FUZZ_THROTTLE_RATES = {"anon": "1000000/min", "key": "1000000/min"}


def make_content(opds):
    """Published items of every type with tags, a series and images; a draft, an
    unpublished item, a private page; DIP entries, exempted and not."""
    from wagtail.models import PageViewRestriction

    from cms.content.models import (
        AnnouncementPage,
        ArticlePage,
        InfographicPage,
        PodcastPage,
        PublicationPage,
        VideoPage,
    )
    from cms.dip.models import DIPDocument
    from tests.factories import (
        DocumentFactory,
        ImageFactory,
        add_dip_entry,
        add_item,
        add_series,
        publish,
    )

    now = datetime.datetime.now(datetime.UTC)
    drafts = []
    for opd in (opds["dinkes"], opds["bpbd"]):
        series = add_series(opd, "Seri Sehat", slug="seri-sehat")
        image = ImageFactory(title=f"Foto {opd.slug}")
        body = [
            {"type": "paragraph", "value": "<p>Teks <b>tebal</b></p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Foto", "decorative": False},
            },
            {"type": "quote", "value": {"text": "Kutipan", "attribution": "Kadis"}},
            {"type": "document", "value": DocumentFactory().pk},
            {"type": "embed", "value": "https://youtu.be/x"},
        ]
        add_item(
            opd, "Vaksinasi Anak", tags=["kesehatan", "vaksin"], series=series,
            hero_image=image, body=body,
        )  # fmt: skip
        add_item(opd, "Artikel Banjir", model=ArticlePage, tags=["bencana"])
        add_item(opd, "Agenda Posyandu", model=AnnouncementPage, event_end=now)
        add_item(
            opd, "Infografis Gizi", model=InfographicPage, series=series,
            text_alternative="<p>Gizi seimbang</p>", hero_image=image,
        )  # fmt: skip
        add_item(
            opd, "Video Cuci Tangan", model=VideoPage,
            duration=datetime.timedelta(minutes=2),
        )  # fmt: skip
        add_item(opd, "Siniar Sehat", model=PodcastPage, audio_file=DocumentFactory())
        add_item(
            opd, "Laporan Tahunan", model=PublicationPage, document=DocumentFactory()
        )
        entry = add_dip_entry(opd, "Laporan Keuangan", tahun=2024)
        DIPDocument.objects.create(entry=entry, document=DocumentFactory())
        publish(entry)
        add_dip_entry(opd, "Rencana Strategis", kategori="serta_merta", tahun=2023)
        add_dip_entry(opd, "Data Pribadi Pasien", kategori="dikecualikan")
        drafts.append(add_item(opd, "Konsep Rilis", live=False))
        add_item(opd, "Rilis Ditarik").unpublish()
        hidden = add_item(opd, "Rilis Privat", tags=["rahasia"])
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    return drafts


def make_reports(opds):
    """Citizens' reports in several states (one spam: the API must answer 404)."""
    from cms.complaints import services
    from tests.factories.complaints import add_category, add_report, verifier

    category = add_category("Jalan rusak", slug="jalan-rusak", opd=opds["dinkes"])
    add_report(category=category)
    add_report(category=category, privacy="anonim")
    disposed = add_report(category=category, privacy="rahasia")
    services.dispose(disposed, verifier(), [opds["dinkes"]], "")
    add_report(category=category, status="spam")


def make_information_requests(opds) -> list[str]:
    """Requests undecided, granted and refused (objections possible); their
    requesters' tokens, for the requester's endpoints."""
    from cms.ppid import services
    from tests.portal.ppid_helpers import refuse, request_data, utama

    tokens = []
    for n, opd in enumerate((None, opds["dinkes"], None)):
        data = {
            **request_data(),
            "addressed_opd": opd,
            "information_requested": f"Salinan anggaran program nomor {n} tahun 2025.",
        }
        info, token = services.request_submit(data=data, source="portal")
        tokens.append(token)
        if n == 1:
            services.request_decide(
                request=info,
                decision="diberikan_seluruhnya",
                text="Diberikan.",
                user=utama(),
            )
        if n == 2:
            refuse(info)
    return tokens


def make_credentials(drafts) -> dict:
    """A province-wide key that may preview, and preview tokens of the drafts."""
    from api.keys.services import api_key_create
    from cms.content.preview import preview_token_mint

    _key, secret = api_key_create(name="Fuzz", scopes=["read", "preview"])
    tokens = [
        (preview_token_mint(page.get_latest_revision()), page.pk) for page in drafts
    ]
    return {"api_key": secret, "preview_tokens": tokens}


def build_search_index():
    from search.client import _client, get_client
    from search.indexing.reindex import search_reindex

    _client.cache_clear()
    search_reindex(get_client())


def drop_search_indexes():
    from search.client import _client, get_client
    from search.documents import alias_name

    client = get_client()
    names = list(client.indices.get(index=f"{alias_name()}*", expand_wildcards="all"))
    if names:  # by name: wildcard deletes are refused by default
        client.indices.delete(index=",".join(names))
    _client.cache_clear()


@pytest.fixture(scope="package")
def fuzz_content(django_db_setup, django_db_blocker):
    """The content, committed to no one: rolled back when the package ends.
    Gives the credentials of the keyed requests (see ``make_credentials``)."""
    from tests.factories import make_opds

    with django_db_blocker.unblock():
        drop_search_indexes()
        with transaction.atomic():
            opds = make_opds()
            make_reports(opds)
            credentials = make_credentials(make_content(opds))
            credentials["request_tokens"] = make_information_requests(opds)
            build_search_index()
            yield credentials
            transaction.set_rollback(True)
        drop_search_indexes()


@pytest.fixture(scope="package")
def wsgi_app():
    """The real application. Django closes the database connection after each
    request when it is inside a transaction; the test client stops that, so do we:
    the content lives in the package's transaction."""
    from django.core.wsgi import get_wsgi_application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_settings(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": FUZZ_THROTTLE_RATES,
    }
    return settings


@pytest.fixture(scope="package")
def served_schema(fuzz_content, wsgi_app):
    """The schema as the application serves it, bound to the application (loaded
    once: generating it takes about a second)."""
    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, wsgi_app)


@pytest.fixture
def api_schema(served_schema, db, fuzz_settings):
    # Responses cached while the content was built (or by another test) must not
    # answer for this content: start from an empty API cache.
    delete_api_cache_state()
    return served_schema


def pytest_terminal_summary(terminalreporter):
    """Operations, examples and time of the fuzz, and the statuses it saw."""
    import sys

    module = sys.modules.get("tests.api.fuzz.test_fuzz")
    if module is None or not module.examples_run:
        return
    runs, seconds = module.examples_run, module.seconds_spent
    terminalreporter.write_sep("-", "schema fuzz (schemathesis)")
    for label in sorted(runs):
        seen = ", ".join(
            f"{status}x{n}"
            for (op, status), n in sorted(module.statuses.items())
            if op == label
        )
        terminalreporter.write_line(
            f"{label}: {runs[label]} examples, {seconds[label]:.1f} s ({seen})"
        )
    terminalreporter.write_line(
        f"{len(runs)} operations, {sum(runs.values())} examples, "
        f"{sum(seconds.values()):.1f} s"
    )
