"""The OpenAPI schema is accurate: real responses of every resource endpoint,
successes and errors, validate against it (objects may not carry undocumented
keys)."""

import copy
import datetime

import pytest
from openapi_schema_validator import OAS30Validator
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

pytestmark = pytest.mark.django_db

# Endpoints of other areas (search, preview, feeds, reports) are checked by their own
# tests (reports: tests/api/complaints/test_schema.py).
# Checked by their own schema tests (tests/api/search, complaints, ppid ...).
OTHER_AREAS = (
    "/api/v1/search/",
    "/api/v1/preview",
    "/api/v1/reports/",
    "/api/v1/information-requests/",
)


def closed(schema):
    """Every documented object shape refuses undocumented keys.

    Also reads ``{"allOf": [ref], "nullable": true}`` (drf-spectacular's nullable
    reference in OpenAPI 3.0) as "ref or null", as Swagger UI and generators do;
    the validator would apply the reference to null too.
    """
    if isinstance(schema, dict):
        if schema.get("type") == "object" and "properties" in schema:
            schema.setdefault("additionalProperties", False)
        if schema.get("nullable") and "allOf" in schema:
            schema["anyOf"] = [*schema.pop("allOf"), {"enum": [None]}]
        for value in schema.values():
            closed(value)
    elif isinstance(schema, list):
        for value in schema:
            closed(value)
    return schema


@pytest.fixture
def spec(client, opds):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def content(opds):
    opd = opds["dinkes"]
    series = add_series(opd, "Seri", slug="seri")
    image = ImageFactory()
    body = [
        {"type": "paragraph", "value": "<p>Teks</p>"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "", "decorative": True},
        },
        {"type": "quote", "value": {"text": "K", "attribution": ""}},
        {"type": "document", "value": DocumentFactory().pk},
        {"type": "embed", "value": "https://youtu.be/x"},
    ]
    pages = [
        add_item(opd, "Rilis", tags=["a"], series=series, hero_image=image, body=body),
        add_item(opd, "Artikel", model=ArticlePage),
        add_item(
            opd,
            "Agenda",
            model=AnnouncementPage,
            event_end=datetime.datetime.now(datetime.UTC),
        ),
        add_item(opd, "Info", model=InfographicPage, text_alternative="<p>x</p>"),
        add_item(opd, "Video", model=VideoPage, duration=datetime.timedelta(seconds=5)),
        add_item(opd, "Siniar", model=PodcastPage, audio_file=DocumentFactory()),
        add_item(opd, "Dokumen", model=PublicationPage, document=DocumentFactory()),
    ]
    entry = add_dip_entry(opd, "Berkala", tahun=2024)
    DIPDocument.objects.create(entry=entry, document=DocumentFactory())
    publish(entry)
    add_dip_entry(opd, "Dikecualikan", kategori="dikecualikan")
    gone = add_item(opd, "Ditarik")
    gone.unpublish()
    hidden = add_item(opd, "Privat")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return pages


def requests_for(pages):
    """(schema path, concrete URL, expected status) for every resource endpoint."""
    detail = [("/api/v1/content/{id}/", f"/api/v1/content/{p.pk}/", 200) for p in pages]
    return detail + [
        ("/api/v1/opd/", "/api/v1/opd/", 200),
        ("/api/v1/opd/{slug}/", "/api/v1/opd/dinkes/", 200),
        ("/api/v1/opd/{slug}/", "/api/v1/opd/tidak-ada/", 404),
        ("/api/v1/content/", "/api/v1/content/?page_size=3", 200),
        ("/api/v1/content/", "/api/v1/content/?fields=id,title", 200),
        ("/api/v1/content/", "/api/v1/content/?type=x&published_after=y", 400),
        ("/api/v1/content/{id}/", "/api/v1/content/1234567/", 404),
        (
            "/api/v1/opd/{opd_slug}/content/{slug}/",
            f"/api/v1/opd/dinkes/content/{pages[0].slug}/",
            200,
        ),
        (
            "/api/v1/opd/{opd_slug}/content/{slug}/",
            "/api/v1/opd/dinkes/content/x/",
            404,
        ),
        ("/api/v1/content/tombstones/", "/api/v1/content/tombstones/", 200),
        ("/api/v1/content/tombstones/", "/api/v1/content/tombstones/?since=x", 400),
        ("/api/v1/dip/", "/api/v1/dip/", 200),
        ("/api/v1/dip/", "/api/v1/dip/?kategori=x", 400),
        ("/api/v1/opd/{slug}/dip/", "/api/v1/opd/dinkes/dip/", 200),
        ("/api/v1/opd/{slug}/dip/", "/api/v1/opd/x/dip/", 404),
        ("/api/v1/series/", "/api/v1/series/", 200),
        ("/api/v1/series/{slug}/", "/api/v1/series/seri/", 200),
        ("/api/v1/series/{slug}/", "/api/v1/series/x/", 404),
        ("/api/v1/images/{id}/", f"/api/v1/images/{pages[0].hero_image_id}/", 200),
        ("/api/v1/images/{id}/", "/api/v1/images/0/", 404),
        ("/api/v1/tags/", "/api/v1/tags/", 200),
        ("/api/v1/tags/{slug}/", "/api/v1/tags/a/", 200),
        ("/api/v1/tags/{slug}/", "/api/v1/tags/x/", 404),
    ]


def test_real_responses_conform_to_the_schema(client, spec, content):
    components = closed(copy.deepcopy(spec["components"]))
    checked = set()
    for path, url, status in requests_for(content):
        response = client.get(url)
        assert response.status_code == status, url
        documented = spec["paths"][path]["get"]["responses"][str(status)]
        schema = documented["content"]["application/json"]["schema"]
        validator = OAS30Validator(
            {**closed(copy.deepcopy(schema)), "components": components}
        )
        errors = [e.message for e in validator.iter_errors(response.json())]
        assert not errors, (url, errors[:3])
        checked.add(path)
    # Every resource endpoint in the schema was exercised.
    ours = {
        path
        for path in spec["paths"]
        if path.startswith("/api/v1/")
        and not path.startswith(OTHER_AREAS)
        and path not in ("/api/v1/schema/",)
    }
    assert ours - checked == set()


def test_parameters_are_documented_with_their_values(spec):
    parameters = {
        p["name"]: p for p in spec["paths"]["/api/v1/content/"]["get"]["parameters"]
    }
    assert set(parameters) >= {
        "opd", "type", "series", "tag", "published_after", "published_before",
        "updated_since", "ordering", "fields", "cursor", "page_size",
    }  # fmt: skip
    assert set(parameters["type"]["schema"]["items"]["enum"]) == {
        "rilis", "artikel", "pengumuman", "infografis", "video", "podcast", "dokumen",
        "tindak-lanjut",
    }  # fmt: skip
    assert "-published" in parameters["ordering"]["schema"]["enum"]
    error = spec["paths"]["/api/v1/content/"]["get"]["responses"]["400"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def test_a_complaint_follow_up_documents_no_report_link(spec):
    detail = spec["components"]["schemas"]["FollowUpDetail"]["properties"]
    assert {"category", "region", "received_on", "resolved_on", "text"} <= set(detail)
    assert not {"report", "tracking_code", "report_id"} & set(detail)
