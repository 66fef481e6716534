"""The leak sweep: hidden content of every kind (drafts, withdrawn and private pages,
pending draft changes, private collections, exempted DIP entries and their documents,
see ``tests.factories.leaks``), then every public surface crawled and each answer
checked for the hidden marker words: portal pages, search and suggestions, every API
route of the OpenAPI schema (filled with the ids and slugs of every object, hidden
ones included), feeds, sitemaps, document downloads, headers, and the Elasticsearch
alias itself. URLs of the hidden objects must also be refused.
"""

import json

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.core.visibility import public_pages
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage
from search.client import _client, get_client
from search.documents import alias_name
from tests.api.conftest import delete_api_cache_state
from tests.factories.leaks import MARKERS, add_hidden_content, add_public_content
from tests.search.indexing.helpers import drain

from .crawler import Crawler, marker_words

pytestmark = pytest.mark.django_db

START = [
    "/", "/opd/", "/topik/", "/dip/", "/cari/", "/robots.txt", "/sitemap.xml",
    "/feed/rss.xml", "/feed/atom.xml", "/api/v1/", "/api/v1/docs/",
]  # fmt: skip
SEARCHES = ["/cari/", "/api/v1/search/", "/api/v1/search/suggest/"]
REFUSED = {301, 302, 400, 401, 403, 404, 410}


def query_variants(marker: str) -> list[str]:
    """The marker, its canary, and what a user might type instead: a prefix
    (suggestions), a letter missing, two letters swapped, a wildcard."""
    return [
        marker, f"{marker}SANDI", marker[:6].lower(), marker[:-1],
        marker[:5] + marker[6] + marker[5] + marker[7:], f"{marker[:-2]}*",
    ]  # fmt: skip


def _drop_test_indexes():
    client = get_client()
    names = list(client.indices.get(index=f"{alias_name()}*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture
def sweep_state(settings, monkeypatch):
    # Each change's after-commit consumers (the caches' generation) run at once,
    # as if committed: the test's transaction never commits.
    monkeypatch.setattr("cms.core.changes.bus.after_commit", lambda func: func())
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/min", "key": "1000000/min"},
    }
    delete_api_cache_state()
    _client.cache_clear()
    _drop_test_indexes()
    yield
    _client.cache_clear()
    _drop_test_indexes()
    delete_api_cache_state()


@pytest.fixture
def hidden(sweep_state, opds, client):
    add_public_content(opds)

    def settle():
        """Indexed and cached while public, then hidden: the index and the
        caches must forget what they knew."""
        drain()
        for page in public_pages().filter(depth__gt=2):
            client.get(page.url)
            client.get(f"/api/v1/content/{page.pk}/")
        for url in ("/feed/rss.xml", "/sitemap.xml", "/api/v1/content/", "/dip/"):
            client.get(url)

    content = add_hidden_content(opds["dinkes"], settle=settle)
    drain()
    return content


def schema_urls(crawler, hidden, markers) -> list[str]:
    """Every GET route of the API schema, its path parameters filled with the ids
    and slugs of the hidden objects (and a few public ones: the crawl follows
    the rest), its query parameters with markers and enumerated values."""
    schema = json.loads(crawler.get("/api/v1/schema/").content)
    public = list(Page.objects.filter(depth__gt=2).order_by("-pk")[:3])
    pages = hidden.pages + hidden.password_pages + hidden.live_pages + public
    ints = [page.pk for page in pages] + [image.pk for image in hidden.images]
    slugs = [page.slug for page in pages] + hidden.tags
    opd_slugs = list(OPDPage.objects.values_list("slug", flat=True))
    words = [m.lower() for m in markers] + hidden.tags
    urls = []
    for template, item in schema["paths"].items():
        params = item.get("get", {}).get("parameters", []) if "get" in item else None
        if params is None:
            continue
        filled = [template]
        for param in (p for p in params if p["in"] == "path"):
            integer = param.get("schema", {}).get("type") == "integer"
            values = ints if integer else opd_slugs if "opd" in param["name"] else slugs
            name = "{" + param["name"] + "}"
            filled = [u.replace(name, str(v)) for u in filled for v in values]
        urls += filled
        if filled != [template]:
            continue  # a detail route: its query parameters are the list's
        for param in (p for p in params if p["in"] == "query"):
            schema_of = param.get("schema", {})
            values = schema_of.get("enum") or schema_of.get("items", {}).get("enum")
            if param["name"] in ("q", "search", "query"):
                values = markers
            urls += [f"{template}?{param['name']}={v}" for v in values or words]
    return urls


def guessed_urls(hidden, markers) -> dict[str, bool]:
    """URL -> whether it must be refused: the hidden objects' own addresses."""
    urls = {}
    for page in hidden.pages:
        urls[page.get_url()] = True
        urls[f"/api/v1/content/{page.pk}/"] = True
        urls[f"/api/v1/opd/dinkes/content/{page.slug}/"] = True
    for page in hidden.password_pages + hidden.live_pages:
        urls[page.get_url()] = False
        urls[f"/api/v1/content/{page.pk}/"] = False
    for image in hidden.images:
        urls[f"/api/v1/images/{image.pk}/"] = True
    for document in get_document_model().objects.filter(
        pk__in=[d.pk for d in hidden.documents]
    ):
        urls[document.url] = True
    for tag in hidden.tags:
        urls[f"/topik/{tag}/"] = True
        urls[f"/api/v1/tags/{tag}/"] = True
    for opd in OPDPage.objects.all():
        for kind in ("rss", "atom"):
            urls[reverse(f"feeds:opd-{kind}", args=[opd.slug])] = False
    for series in SeriesPage.objects.all():
        draft = series in hidden.pages
        for kind in ("rss", "atom"):
            args = [series.get_parent().slug, series.slug]
            urls[reverse(f"feeds:series-{kind}", args=args)] = draft
    return urls


def elasticsearch_leaks(markers) -> set[str]:
    """Marker words anywhere in the public index: every document's source, and
    whatever a match on all fields finds."""
    client = get_client()
    everything = client.search(index=alias_name(), query={"match_all": {}}, size=10000)
    assert everything["hits"]["total"]["value"] > 10  # the public content is there
    found = {
        f"{hit['_id']}: {word}"
        for hit in everything["hits"]["hits"]
        for word in marker_words(json.dumps(hit["_source"]))
    }
    for marker in markers:
        hits = client.search(
            index=alias_name(),
            query={
                "query_string": {
                    "query": f"{marker.lower()}* OR {marker.lower()}~",
                    "fields": ["*"],
                    "lenient": True,
                }
            },
        )
        found |= {f"{hit['_id']}: {marker}" for hit in hits["hits"]["hits"]}
    return found


def test_no_public_surface_shows_hidden_content(client, hidden, capsys):
    markers = list(MARKERS)
    in_index = elasticsearch_leaks(markers)

    crawler = Crawler(client)
    must_refuse = guessed_urls(hidden, markers)
    served = []
    for url, refuse in must_refuse.items():
        response = crawler.get(url)
        if refuse and response is not None and response.status_code not in REFUSED:
            served.append((url, response.status_code))
    for url in schema_urls(crawler, hidden, markers):
        crawler.get(url)
    searches = [
        f"{path}?q={query}"
        for path in SEARCHES
        for marker in markers
        for query in query_variants(marker)
    ]
    crawler.crawl(*START, *searches)

    with capsys.disabled():
        print(f"\nleak sweep: {len(crawler.visited)} URLs crawled")
    problems = [
        *(f"in the search index: {found}" for found in sorted(in_index)),
        *(f"served, not refused: {url} ({status})" for url, status in served),
        *map(str, crawler.leaks),
    ]
    assert not problems, f"{len(problems)} leaks:\n" + "\n".join(problems[:30])
    # The crawl reached the public content (a broken crawler finds no leak either).
    statuses = crawler.responses
    assert len(crawler.visited) > 400
    assert sum(status == 200 for status in statuses.values()) > 200
    served_documents = [url for url in statuses if url.startswith("/dokumen/")]
    assert any(statuses[url] == 200 for url in served_documents)
