"""What a search returns, and how a database page becomes a result row.

Result rows usually come from Elasticsearch documents; best bets and the database
fallback build them from pages instead, with the same fields and facet values as the
indexed documents (type code, OPD, year, DIP category, series).
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from cms.content.models import ContentPage
from cms.core.visibility import only_public
from cms.dip.models import DIPEntryPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage

SUMMARY_CHARS = 300


@dataclass
class SearchHit:
    title: str
    url: str | None
    type: str
    opd: dict | None  # {"slug", "name"}
    published: str | None  # ISO 8601
    summary: str = ""
    highlight: dict[str, list[str]] = field(default_factory=dict)
    promoted: bool = False  # a best bet, pinned by editors


@dataclass
class SearchResult:
    count: int
    results: list[SearchHit]
    facets: dict[str, list[dict]]
    suggestion: str | None
    page: int
    page_size: int
    backend: str  # "elasticsearch" | "database"
    # Set when Elasticsearch is configured but the database answered instead.
    degraded_reason: str | None = None

    @property
    def degraded(self) -> bool:
        return self.degraded_reason is not None


class PageDescriber:
    """Facet values and result rows of database pages, with the lookups they need
    (OPD of a tree path, slug of a series) cached for one batch."""

    def __init__(self):
        self._opds: dict[str, OPDPage] | None = None
        self._series: dict[int, str] = {}

    def prepare(self, pages) -> None:
        ids = {p.series_id for p in pages if getattr(p, "series_id", None)}
        missing = ids - set(self._series)
        if missing:
            # A series that is not public is not revealed, not even as a slug.
            public = only_public(SeriesPage.objects.filter(pk__in=missing))
            self._series.update(public.values_list("pk", "slug"))

    def opd_of(self, page) -> OPDPage | None:
        if isinstance(page, OPDPage):
            return page
        if self._opds is None:
            self._opds = {
                o.path: o for o in OPDPage.objects.only("path", "slug", "title")
            }
        return next(
            (o for path, o in self._opds.items() if page.path.startswith(path)), None
        )

    def facets(self, page) -> dict:
        """The values the filters compare against, by parameter name."""
        opd = self.opd_of(page)
        values = {
            "type": type_code(page) or None,
            "opd": opd.slug if opd else None,
            "opd_name": opd.title if opd else None,
            "kategori": getattr(page, "kategori", None),
            "year": None,
            "series": None,
        }
        if isinstance(page, ContentPage):
            values["year"] = _year(page.publish_date)
            values["series"] = self._series.get(page.series_id)
        elif isinstance(page, DIPEntryPage):
            values["year"] = page.tahun
        elif isinstance(page, SeriesPage):
            values["year"] = _year(page.first_published_at)
            values["series"] = page.slug
        return values

    def hit(self, page, *, promoted: bool = False) -> SearchHit:
        opd = self.opd_of(page)
        published = getattr(page, "publish_date", None) or page.first_published_at
        parts = page.get_url_parts()
        return SearchHit(
            title=page.title,
            url=parts[2] if parts else None,
            type=type_code(page),
            opd={"slug": opd.slug, "name": opd.title} if opd else None,
            published=published.isoformat() if published else None,
            summary=_summary(page),
            promoted=promoted,
        )


def type_code(page) -> str:
    return getattr(page, "type_code", "") or ""


def matches(values: dict, filters: dict[str, tuple]) -> bool:
    return all(values.get(name) in chosen for name, chosen in filters.items())


def _summary(page) -> str:
    if isinstance(page, ContentPage):
        text = page.summary
    elif isinstance(page, DIPEntryPage):
        text = "" if page.is_exempted else page.ringkasan
    elif isinstance(page, SeriesPage):
        text = page.description
    elif isinstance(page, OPDPage):
        text = page.profile
    else:
        text = ""
    plain = " ".join(strip_tags(text or "").split())
    return Truncator(plain).chars(SUMMARY_CHARS)


def _year(value) -> int | None:
    return timezone.localtime(value).year if value else None
