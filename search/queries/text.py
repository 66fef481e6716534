"""Full-text matching: what a document must contain, and what lifts it.

Recall is a disjunction of the query's forms:
- the stemmed query on the ``*_stem`` fields (Indonesian morphology: "kelola" finds
  "pengelolaan"), typo-tolerant, all words in one field (``best_fields``);
- the same across fields (``cross_fields``: "stunting posyandu" finds a title about
  stunting whose body names the posyandu), exact (cross_fields cannot be fuzzy);
- the citizen's own words on the raw fields, typo-tolerant too: a misspelt word
  ("pengelolan") has no stem, but is one edit away from a raw word ("pengelolaan");
  it also rewards documents that use the exact word forms;
- each synonym expansion (already analysed) on the ``*_stem`` fields, a little lower.

Precision comes from ``should`` clauses that only add score: the whole query as a
phrase in the raw title (strongly) and in the summary or body.
"""

from search.language.analysis import AnalyzedQuery

STEM_FIELDS = [
    "title_stem^4",
    "tags_stem^3",
    "summary_stem^2",
    "body_stem",
    "attachments_stem^0.5",
]
RAW_FIELDS = ["title^4", "summary^2", "body", "attachments^0.5"]
# Up to two words: all must match; longer queries: three in four may be missing none
# of the important words. Per field (best_fields), so a title must hold them together.
MINIMUM_SHOULD_MATCH = "2<75%"
ACROSS_BOOST = 0.5
RAW_FORM_BOOST = 0.6
EXPANSION_BOOST = 0.8
TITLE_PHRASE_BOOST = 6
TEXT_PHRASE_BOOST = 2


def multi_match(
    text: str, fields: list[str], *, boost: float = 1.0, fuzzy=True, across=False
):
    clause = {
        "query": text,
        "fields": fields,
        "type": "cross_fields" if across else "best_fields",
        "tie_breaker": 0.3,
        "minimum_should_match": MINIMUM_SHOULD_MATCH,
    }
    if fuzzy and not across:
        # AUTO: exact below 3 characters, one edit up to 5, two from 6. The first
        # letter must be right: fewer false friends, much cheaper expansion.
        clause |= {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 50}
    if boost != 1.0:
        clause["boost"] = boost
    return {"multi_match": clause}


def recall_clauses(analyzed: AnalyzedQuery) -> list[dict]:
    clauses = []
    if analyzed.stemmed:
        clauses.append(multi_match(analyzed.stemmed, STEM_FIELDS))
        if len(analyzed.stemmed.split()) > 1:
            clauses.append(
                multi_match(
                    analyzed.stemmed, STEM_FIELDS, boost=ACROSS_BOOST, across=True
                )
            )
    if analyzed.normalized:
        clauses.append(
            multi_match(analyzed.normalized, RAW_FIELDS, boost=RAW_FORM_BOOST)
        )
    for expansion in dict.fromkeys(e for e in analyzed.expansions if e):
        # Vocabulary terms are exact by construction: no fuzziness.
        clauses.append(
            multi_match(expansion, STEM_FIELDS, boost=EXPANSION_BOOST, fuzzy=False)
        )
    return clauses


def phrase_clauses(analyzed: AnalyzedQuery) -> list[dict]:
    words = analyzed.normalized.split()
    if len(words) < 2:
        return []
    phrase = " ".join(words)
    return [
        {"match_phrase": {"title": {"query": phrase, "boost": TITLE_PHRASE_BOOST}}},
        {"match_phrase": {"summary": {"query": phrase, "boost": TEXT_PHRASE_BOOST}}},
        {"match_phrase": {"body": {"query": phrase, "boost": TEXT_PHRASE_BOOST}}},
    ]


def text_query(analyzed: AnalyzedQuery) -> dict:
    """The scoring query for the citizen's text; ``match_all`` when there is none."""
    recall = recall_clauses(analyzed)
    if not recall:
        return {"match_all": {}}
    query = {"bool": {"should": recall, "minimum_should_match": 1}}
    phrases = phrase_clauses(analyzed)
    if phrases:
        query = {"bool": {"must": [query], "should": phrases}}
    return query
