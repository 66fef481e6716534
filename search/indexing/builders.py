"""Page -> public search document (a plain dict in ``PublicDocument``'s shape).

Callers decide *whether* a page is indexed (``source.py``); this module only says
*what* goes in. Pages arrive with their relations loaded (see ``source.py``), and a
``BuildContext`` shared by a batch caches what would otherwise cost a query per page.
"""

from django.utils import timezone

from cms.content.models import (
    AnnouncementPage,
    ArticlePage,
    ContentPage,
    FollowUpPage,
    InfographicPage,
    PodcastPage,
    PublicationPage,
    VideoPage,
)
from cms.core.visibility import PublicView
from cms.dip.models import DIPEntryPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage
from search.language.analysis import analyze

from .attachments import MAX_CHARS, document_text
from .keys import page_key
from .text import join, plain, stream_text, truncate

BOOST_DEFAULT = 1.0
BOOST_SERIES = 1.2
BOOST_OPD = 1.5  # an agency's own profile should beat news that mentions it
BOOST_SERTA_MERTA = 2.0  # disasters and outbreaks: life-or-death information first

# Leading words a citizen rarely starts typing with; the suggester also gets the
# title without them ("Pengumuman Hasil Seleksi" is found from "hasil").
LEADING_STOP_WORDS = {
    "dan",
    "di",
    "ke",
    "dari",
    "yang",
    "untuk",
    "pada",
    "dalam",
    "tentang",
    "para",
    "sebuah",
    "pengumuman",
    "rilis",
    "siaran",
    "pers",
}


class BuildContext:
    """Per-batch caches: site root paths (for URLs), the OPD of a tree path, and
    which attached documents the public may read."""

    def __init__(self):
        self._opds_by_path: dict[str, OPDPage] | None = None
        self.public = PublicView()  # the visibility rule, its rows read once a batch

    def attachment_text(self, document) -> str:
        """The text of a document a citizen may download, else nothing: a file in
        a private collection, or withheld as part of an exempted DIP entry, must
        not be findable through a public page that happens to link it."""
        if document is None or not self.public.document_is_public(document):
            return ""
        return document_text(document)

    def opd_for(self, page) -> OPDPage | None:
        if isinstance(page, OPDPage):
            return page
        if getattr(page, "opd_id", None):
            return page.opd  # select_related by the querysets
        if self._opds_by_path is None:  # ~40 rows, once per batch
            self._opds_by_path = {
                opd.path: opd for opd in OPDPage.objects.only("path", "slug", "title")
            }
        for path, opd in self._opds_by_path.items():
            if page.path.startswith(path):
                return opd
        return None

    def url_for(self, page) -> str | None:
        # The context object doubles as Wagtail's site-root-paths cache holder.
        parts = page.get_url_parts(request=self)
        return parts[2] if parts else None


def build_document(page, context: BuildContext) -> dict:
    """The indexed document of a public, not withheld page."""
    fields = _kind_fields(page, context)
    title = page.title
    opd = context.opd_for(page)
    doc = {
        "object_key": page_key(page.pk),
        "kind": "opd" if isinstance(page, OPDPage) else page.type_code,
        "title": title,
        "title_stem": analyze(title),
        "url": context.url_for(page),
        "opd_slug": opd.slug if opd else None,
        "opd_name": opd.title if opd else None,
        "suggest": {"input": suggest_inputs(title, *fields.pop("suggest_extra", ()))},
        **fields,
    }
    for name in ("summary", "body", "attachments"):
        doc[name] = truncate(doc.get(name) or "", MAX_CHARS)
        doc[f"{name}_stem"] = analyze(doc[name])
    doc["tags_stem"] = analyze(" ".join(doc.get("tags", [])))
    published = doc.get("published")
    if published is not None:
        doc["published"] = published.isoformat()
    return doc


def suggest_inputs(title: str, *extra: str) -> list[str]:
    words = title.split()
    while words and words[0].lower().strip(",.:;") in LEADING_STOP_WORDS:
        words = words[1:]
    inputs = [title, " ".join(words), *extra]
    seen = []
    for value in (plain(i)[:100] for i in inputs):  # control chars out, bounded
        if value and value not in seen:
            seen.append(value)
    return seen


def _kind_fields(page, context: BuildContext) -> dict:
    if isinstance(page, ContentPage):
        return _content_fields(page, context)
    if isinstance(page, DIPEntryPage):
        return _dip_fields(page, context)
    if isinstance(page, SeriesPage):
        return {
            "body": plain(page.description),
            "series_slug": page.slug,
            "published": page.first_published_at,
            "year": _year(page.first_published_at),
            "boost": BOOST_SERIES,
        }
    if isinstance(page, OPDPage):
        return {
            "body": join(page.short_name, plain(page.profile), plain(page.tupoksi)),
            "published": page.first_published_at,
            "boost": BOOST_OPD,
            "suggest_extra": (page.short_name,),
        }
    raise TypeError(f"{type(page).__name__} is not an indexed page type")


def _content_fields(page: ContentPage, context: BuildContext) -> dict:
    series = page.series if page.series_id else None
    return {
        "summary": page.summary,
        "body": join(stream_text(page.body, context.public), _extra_text(page)),
        "attachments": (
            context.attachment_text(page.document)
            if isinstance(page, PublicationPage)
            else ""
        ),
        "tags": sorted(tag.name for tag in page.tags.all()),
        # A series the public may not see (a draft, private) is not a facet.
        "series_slug": (
            series.slug
            if series is not None and context.public.page_is_public(series)
            else None
        ),
        "published": page.publish_date,
        "year": _year(page.publish_date),
        "boost": BOOST_SERTA_MERTA if page.serta_merta else BOOST_DEFAULT,
    }


def _extra_text(page: ContentPage) -> str:
    """What each content type says beyond its body, as plain text."""
    if isinstance(page, ArticlePage):
        return page.author_name
    if isinstance(page, AnnouncementPage):
        return page.location
    if isinstance(page, InfographicPage):
        return plain(page.text_alternative)
    if isinstance(page, VideoPage):
        return plain(page.transcript)
    if isinstance(page, PodcastPage):
        return join(plain(page.show_notes), plain(page.transcript))
    if isinstance(page, FollowUpPage):
        # Never the report link or its tracking code: only the approved text.
        return join(page.category_name, page.region, page.text)
    return ""


def _dip_fields(page: DIPEntryPage, context: BuildContext) -> dict:
    # Only ever called for entries that are not exempted (source.py checks it).
    texts = [context.attachment_text(link.document) for link in page.documents.all()]
    return {
        "summary": page.ringkasan,
        "body": join(
            plain(page.keterangan),
            page.nomor,
            page.pejabat_penguasa,
            page.penanggung_jawab,
            page.tempat_pembuatan,
        ),
        "attachments": truncate(join(*texts), MAX_CHARS),
        "dip_kategori": page.kategori,
        "year": page.tahun,
        "published": page.first_published_at,
        "boost": BOOST_SERTA_MERTA if page.serta_merta else BOOST_DEFAULT,
    }


def _year(value) -> int | None:
    return timezone.localtime(value).year if value else None
