"""Loading the relevance corpus as pages and scoring an engine on the queries:
shared by the PostgreSQL test and the SQLite child process."""

from dataclasses import dataclass, field

from cms.opd.models import OPDPage
from cms.opd.services import province_home_ensure
from tests.factories import add_item

from .corpus import ITEMS, OPDS
from .queries import QUERIES


def load_corpus() -> int:
    """The OPDs and their items as published pages; returns how many items."""
    home = province_home_ensure()
    opds = {}
    for slug, name in OPDS:
        page = OPDPage.objects.filter(slug=slug).first()
        opds[slug] = page or home.add_child(
            instance=OPDPage(
                title=name, slug=slug, short_name=slug.upper(), kind="dinas"
            )
        )
    for slug, title, summary, body in ITEMS:
        add_item(
            opds[slug],
            title,
            summary=summary,
            body=[("paragraph", f"<p>{body}</p>")],
        )
    return len(ITEMS)


@dataclass
class Score:
    engine: str
    hits: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.hits / len(QUERIES)

    def line(self) -> str:
        return f"{self.engine}: hits@1 {self.hits}/{len(QUERIES)} = {self.rate:.0%}"


def evaluate(engine: str) -> Score:
    """Run every query through the public search as configured now."""
    from search.queries.params import SearchParams
    from search.queries.public import search_public

    score = Score(engine)
    for q, expected in QUERIES:
        result = search_public(SearchParams(q=q), record=False)
        first = result.results[0].title if result.results else "(nothing)"
        if first.startswith(expected):
            score.hits += 1
        else:
            score.misses.append(f"{q!r}: got {first!r}, wanted {expected!r}")
    return score
