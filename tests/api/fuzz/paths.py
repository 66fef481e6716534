"""Path parameters that name real content, so the fuzz reaches the 200 answers of
detail endpoints (random slugs and ids only ever find 404)."""

from hypothesis import strategies as st

MISSING_SLUG = "tidak-ada"


def _opd_slugs():
    from cms.opd.models import OPDPage

    return list(OPDPage.objects.values_list("slug", flat=True))


def _opd_content_pairs():
    from cms.content.models import ContentPage
    from cms.opd.models import OPDPage

    return [
        {"opd_slug": opd.slug, "slug": slug}
        for opd in OPDPage.objects.order_by("slug")
        for slug in ContentPage.objects.child_of(opd).values_list("slug", flat=True)
    ]


def _content_ids():
    from cms.content.models import ContentPage

    return list(ContentPage.objects.values_list("pk", flat=True))


def _series_slugs():
    from cms.series.models import SeriesPage

    return list(SeriesPage.objects.values_list("slug", flat=True))


def _tag_slugs():
    from taggit.models import Tag

    return list(Tag.objects.values_list("slug", flat=True))


def _image_ids():
    from wagtail.images import get_image_model

    return list(get_image_model().objects.values_list("pk", flat=True))


def _report_codes():
    from cms.complaints.models import Report

    codes = list(Report.objects.values_list("tracking_code", flat=True))
    # As typed by people: lower case, without the dash (the same reports).
    return codes + [code.replace("-", "").lower() for code in codes[:1]]


# (first path segment after /api/v1/, parameter name) -> the values it can take.
# Drafts, private pages and exempted entries are included on purpose: the API
# must answer them with 404, in the documented shape.
VALUES = {
    ("opd", "slug"): _opd_slugs,
    ("opd", "opd_slug"): _opd_slugs,
    ("content", "id"): _content_ids,
    ("series", "slug"): _series_slugs,
    ("tags", "slug"): _tag_slugs,
    ("images", "id"): _image_ids,
    ("reports", "code"): _report_codes,
}


def _values(path: str, name: str) -> list:
    area = path.removeprefix("/api/v1/").split("/")[0]
    source = VALUES.get((area, name))
    values = sorted(source()) if source else []
    return values + [0 if name == "id" else MISSING_SLUG]


def real_path_parameters(operation):
    """A strategy of path-parameter dicts drawn from the content. An item under
    its OPD is drawn as a pair (independent draws would almost never match)."""
    names = {p.name for p in operation.path_parameters}
    if names == {"opd_slug", "slug"}:
        pairs = _opd_content_pairs()
        # Another OPD's item, and an item that does not exist: 404 both.
        misses = [{"opd_slug": "dinkes", "slug": MISSING_SLUG}]
        misses += [
            {"opd_slug": "x" + p["opd_slug"], "slug": p["slug"]} for p in pairs[:1]
        ]
        return st.sampled_from(pairs + misses)
    return st.fixed_dictionaries(
        {
            p.name: st.sampled_from(_values(operation.path, p.name))
            for p in operation.path_parameters
        }
    )
