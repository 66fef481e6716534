"""Per-run caches for what every line needs: OPDs, DIP sections, series, tags, tree.

Without them each line would cost several queries before any write. The caches that
may hold rows created inside a batch (series, tags, tree slots) are dropped when a
batch rolls back, so a retry never trusts a row that no longer exists.
"""

from django.db.models.functions import Lower
from wagtail.models import Page

from cms.content.models import ContentTag
from cms.dip.models import DIPIndexPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage

from .parsing import RecordError
from .tree import TreeSlots


class ImportLookups:
    def __init__(self, *, user):
        self.user = user
        self.touched_page_ids: set[int] = set()
        self._opds: dict[str, OPDPage] | None = None
        self._dip_sections: dict[int, DIPIndexPage] | None = None
        self.tree = TreeSlots()
        self.reset()

    def reset(self) -> None:
        self._series: dict[str, SeriesPage] = {}
        self._tags: dict[str, object] = {}
        self.tree.reset()
        self.touched_page_ids = set()

    def _opd_map(self) -> dict[str, OPDPage]:
        if self._opds is None:
            self._opds = {opd.slug: opd for opd in OPDPage.objects.all()}
        return self._opds

    def opd(self, slug: str) -> OPDPage:
        try:
            return self._opd_map()[slug]
        except KeyError:
            raise RecordError(f"unknown OPD '{slug}'") from None

    def dip_section(self, opd: OPDPage) -> DIPIndexPage:
        if self._dip_sections is None:
            by_path = {o.path: o.pk for o in self._opd_map().values()}
            self._dip_sections = {}
            for section in DIPIndexPage.objects.all():
                parent_pk = by_path.get(section.path[: -Page.steplen])
                if parent_pk is not None:
                    self._dip_sections.setdefault(parent_pk, section)
        try:
            return self._dip_sections[opd.pk]
        except KeyError:
            raise RecordError(
                f"OPD '{opd.slug}' has no DIP section (run load_opds to repair)"
            ) from None

    def series(self, slug: str, *, owner: OPDPage, title: str = "") -> SeriesPage:
        """The series with this slug anywhere in the tree; created under ``owner``
        (and published, so items joining it can link to it) when missing."""
        if slug not in self._series:
            series = SeriesPage.objects.filter(slug=slug).order_by("path").first()
            self._series[slug] = series or self._series_create(slug, owner, title)
        return self._series[slug]

    def _series_create(self, slug: str, owner: OPDPage, title: str) -> SeriesPage:
        if Page.objects.child_of(owner).filter(slug=slug).exists():
            raise RecordError(
                f"series '{slug}' cannot be created: OPD '{owner.slug}' already has "
                "a page with that slug"
            )
        title = title or slug.replace("-", " ").capitalize()
        series = owner.add_child(
            instance=SeriesPage(title=title, slug=slug, owner=self.user)
        )
        revision = series.save_revision(user=self.user)
        revision.publish(user=self.user, skip_permission_checks=True)
        self.touched_page_ids.add(series.pk)
        return series

    def tags(self, names: tuple[str, ...]) -> list:
        """Tag objects for these names; an existing tag is reused whatever its case."""
        tag_model = ContentTag.tag_model()
        missing = {
            name.lower(): name for name in names if name.lower() not in self._tags
        }
        if missing:
            for tag in (
                tag_model.objects.annotate(key=Lower("name"))
                .filter(key__in=list(missing))
                .order_by("pk")
            ):
                self._tags.setdefault(tag.key, tag)
            for key, name in missing.items():
                if key not in self._tags:
                    self._tags[key] = tag_model.objects.create(name=name)
        return [self._tags[name.lower()] for name in names]
