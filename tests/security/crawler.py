"""A bounded crawler of the public site through Django's test client: it follows
every same-site link it finds in HTML, XML and JSON, and checks each answer (body
and headers) for marker words.

A marker is any word starting with ``PREFIX``. An answer may repeat the words of
its own URL (a search page echoes its query, a 404 its path); any other marker word
in it is a leak.
"""

import html
import json
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import unquote_plus, urljoin, urlsplit

PREFIX = "bocor"
WORD = re.compile(PREFIX + r"\w*", re.IGNORECASE)
SAME_SITE = {"", "testserver", "localhost", "localhost:80", "127.0.0.1"}
NOT_PUBLIC = ("/admin/", "/django-admin/", "/i18n/", "/static/")
LINKS_IN_MARKUP = re.compile(
    r"""(?:href|src|action|content|data-[\w-]+)\s*=\s*["']([^"']+)["']"""
    r"""|srcset\s*=\s*["']([^"']+)["']"""
    r"""|<(?:loc|link|id|guid)>([^<]+)</""",
    re.IGNORECASE,
)


def marker_words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


@dataclass
class Leak:
    url: str
    status: int
    words: set
    excerpt: str

    def __str__(self):
        return f"{self.url} ({self.status}): {sorted(self.words)} in …{self.excerpt}…"


@dataclass
class Crawler:
    client: object
    limit: int = 3000
    per_path: int = 6  # distinct query strings followed per path (facets multiply)
    visited: set = field(default_factory=set)
    leaks: list = field(default_factory=list)
    responses: dict = field(default_factory=dict)  # url -> status
    _queue: deque = field(default_factory=deque)
    _per_path: Counter = field(default_factory=Counter)

    # Requests

    def get(self, url: str, **headers):
        """One request, checked for leaks; its links are queued. None if this URL
        was seen already or is off-site."""
        url = self._normalise(url)
        if url is None or url in self.visited:
            return None
        self.visited.add(url)
        response = self.client.get(url, **headers)
        self.responses[url] = response.status_code
        body = self._body(response)
        self.check(url, response.status_code, body + "\n" + self._headers(response))
        for link in self._links(response, body):
            # Only what reads as a link (a meta description is not one).
            if link and link.strip().startswith(("/", "?", "http:", "https:")):
                self._enqueue(urljoin(url, link.strip()))
        return response

    def crawl(self, *start: str) -> None:
        for url in start:
            self._enqueue(url, force=True)
        while self._queue and len(self.visited) < self.limit:
            self.get(self._queue.popleft())

    def check(self, url: str, status: int, text: str) -> None:
        allowed = marker_words(unquote_plus(url))
        found = marker_words(text) - allowed
        if found:
            word = next(iter(found))
            at = text.lower().find(word)
            self.leaks.append(
                Leak(url, status, found, text[max(at - 120, 0) : at + 80])
            )

    # Link discovery

    def _normalise(self, url: str):
        url = html.unescape(url.strip())
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in SAME_SITE:
            return None
        path = parts.path or "/"
        if not path.startswith("/") or path.startswith(NOT_PUBLIC):
            return None
        return path + (f"?{parts.query}" if parts.query else "")

    def _enqueue(self, url: str, force: bool = False) -> None:
        url = self._normalise(url)
        if url is None or url in self.visited:
            return
        path, _, query = url.partition("?")
        if query and not force:
            if self._per_path[path] >= self.per_path:
                return
            self._per_path[path] += 1
        self._queue.append(url)

    def _body(self, response) -> str:
        if getattr(response, "streaming", False):
            content = b"".join(response.streaming_content)
        else:
            content = response.content
        return content.decode("utf-8", errors="replace")

    def _headers(self, response) -> str:
        return "\n".join(f"{name}: {value}" for name, value in response.items())

    def _links(self, response, body: str):
        kind = response.get("Content-Type", "")
        if "json" in kind:
            try:
                yield from _json_links(json.loads(body))
            except ValueError:
                return
        elif "html" in kind or "xml" in kind:
            for match in LINKS_IN_MARKUP.finditer(body):
                link, srcset, element = match.groups()
                if srcset:
                    yield from (part.split()[0] for part in srcset.split(",") if part)
                else:
                    yield link or element
        for link in response.get("Link", "").split(","):
            if "<" in link:
                yield link[link.index("<") + 1 : link.index(">")]


def _json_links(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_links(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_links(item)
    elif isinstance(value, str) and (
        (value.startswith("/") and not value.startswith("//"))
        or value.startswith(("http://", "https://"))
    ):
        yield value
