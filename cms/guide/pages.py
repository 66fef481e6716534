"""The editor guide: Markdown files in ``docs/panduan-editor`` shown in the admin.

The files are the single source (readable on the forge and in the admin). A page is
found by comparing the requested slug with the names of the files that exist, never
by building a path from the request, so nothing outside the folder can be read.
The order of the pages is the order of the numbered list of links in
``index.md`` (the contents a reader of the raw files sees too); files it does not
list come last. Raw HTML in the files is shown as text, not rendered: "<OPD>" in a
sentence stays visible, and an edit to a file cannot put markup into the admin.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.urls import reverse
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

GUIDE_DIR = Path(settings.BASE_DIR) / "docs" / "panduan-editor"
INDEX = "index"
# "1. [Menulis konten](menulis-konten.md): …" in index.md
_CONTENTS_ITEM = re.compile(r"^\s*\d+\.\s+\[[^\]]+\]\(([a-z0-9-]+)\.md\)", re.MULTILINE)
_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: str

    @property
    def url(self) -> str:
        if self.slug == INDEX:
            return reverse("guide:index")
        return reverse("guide:page", args=[self.slug])


def _files() -> dict[str, Path]:
    return {path.stem: path for path in sorted(GUIDE_DIR.glob("*.md"))}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _title(text: str, slug: str) -> str:
    found = _TITLE.search(text)
    return found.group(1).strip() if found else slug.replace("-", " ").capitalize()


def guide_pages() -> list[GuidePage]:
    """Every page, in reading order, the index first."""
    files = _files()
    if INDEX not in files:
        return []
    linked = list(dict.fromkeys(_CONTENTS_ITEM.findall(_read(files[INDEX]))))
    order = [INDEX] + [s for s in linked if s in files and s != INDEX]
    order += [s for s in files if s not in order]
    return [GuidePage(slug, _title(_read(files[slug]), slug)) for slug in order]


def find_page(slug: str) -> GuidePage | None:
    return next((page for page in guide_pages() if page.slug == slug), None)


class _AdminLinks(Treeprocessor):
    """Links between guide files (``alur-redaksi.md#tinjauan``) point at the admin
    pages; links other than web, mail and in-page ones are dropped (no
    ``javascript:``); the file's own ``# title`` is dropped because the admin
    header shows it as the page's one h1."""

    SAFE = ("https://", "http://", "mailto:", "/", "#")

    def __init__(self, md, urls: dict[str, str]):
        super().__init__(md)
        self.urls = urls

    def run(self, root):
        for heading in root.findall("h1"):
            root.remove(heading)
        for link in root.iter("a"):
            href = link.get("href", "")
            target, _, fragment = href.partition("#")
            if target.endswith(".md") and target[:-3] in self.urls:
                url = self.urls[target[:-3]]
                link.set("href", f"{url}#{fragment}" if fragment else url)
            elif not href.startswith(self.SAFE):
                del link.attrib["href"]


class _AdminLinksExtension(Extension):
    def __init__(self, urls: dict[str, str]):
        super().__init__()
        self.urls = urls

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API)
        md.treeprocessors.register(_AdminLinks(md, self.urls), "guide_links", 5)
        # Raw HTML blocks and inline tags become escaped text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text: str, urls: dict[str, str]) -> str:
    """``text`` as HTML; ``urls`` maps guide slugs to their admin URLs."""
    converter = markdown.Markdown(
        extensions=[
            "tables",
            "sane_lists",
            "toc",  # ids on headings, for links to a section
            _AdminLinksExtension(urls),
        ],
        output_format="html",
    )
    return converter.convert(text)


@lru_cache(maxsize=32)
def _render(path: Path, mtime: float, urls: tuple) -> str:
    return render_markdown(_read(path), dict(urls))


def render_page(page: GuidePage) -> str:
    """The page's HTML (without its h1), cached until the file changes."""
    path = _files()[page.slug]
    urls = tuple((p.slug, p.url) for p in guide_pages())
    return _render(path, path.stat().st_mtime, urls)
