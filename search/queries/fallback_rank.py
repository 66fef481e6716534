"""Ranking without Elasticsearch, on the same analysis as the index.

The query is analysed by ``analyze_query`` (stems, compounds, synonyms and
abbreviations) and scored against the stored documents' ``*_stem`` fields
(``fallback_corpus.py``) much as ``text.py`` asks Elasticsearch to:

- BM25-like per word: the field weights of ``text.STEM_FIELDS`` (best field plus a
  share of the others), term frequency saturating, rarer stems weigh more;
- partial matches are ranked, not dropped: a document's score is multiplied by the
  square of the share of query words it holds, so one holding all of them comes
  first, and a query with a word no document has still finds the others;
- each vocabulary expansion is scored like the query, a little lower;
- the whole query as a phrase in the title lifts a document, then the editorial
  boost and recency break ties;
- a word found nowhere (neither its form nor its stem) is replaced by the closest
  indexed word (edit distance 1 up to five letters, else 2, same first letter),
  and the corrected query is offered as "did you mean".
"""

import math
from dataclasses import dataclass

from search.language.analysis import analyze, analyze_query, current_vocabulary

from .fallback_corpus import Corpus, Doc
from .text import ACROSS_BOOST, EXPANSION_BOOST, STEM_FIELDS, TITLE_PHRASE_BOOST

FIELD_WEIGHTS = {
    name.split("^")[0]: float(name.split("^")[1]) if "^" in name else 1.0
    for name in STEM_FIELDS
}
TF_SATURATION = 1.2
PHRASE_FACTOR = 1 + TITLE_PHRASE_BOOST / 4  # the phrase clause next to the recall one
MIN_TYPO_LENGTH = 4


@dataclass
class Ranking:
    ids: list[int]  # best first
    suggestion: str | None


def rank(corpus: Corpus, q: str, limit: int) -> Ranking:
    analyzed = analyze_query(q)
    words = analyzed.normalized.split()
    corrected = [_correct(word, corpus) for word in words]
    suggestion = None
    if corrected != words:
        suggestion = " ".join(corrected)
        analyzed = analyze_query(suggestion)
    alternatives = [(analyzed.stemmed.split(), 1.0)]
    alternatives += [(e.split(), EXPANSION_BOOST) for e in analyzed.expansions if e]
    scores: dict[int, float] = {}
    for tokens, weight in alternatives:
        for pk, score in _scores(corpus, list(dict.fromkeys(tokens))).items():
            scores[pk] = max(scores.get(pk, 0.0), score * weight)
    phrase = f" {' '.join(corrected)} " if len(corrected) > 1 else None
    for pk in scores:
        doc = corpus.docs[pk]
        if phrase and phrase in doc.title:
            scores[pk] *= PHRASE_FACTOR
        scores[pk] *= doc.boost
    ordered = sorted(
        scores, key=lambda pk: (scores[pk], corpus.docs[pk].published), reverse=True
    )
    return Ranking(ids=ordered[:limit], suggestion=suggestion)


def _scores(corpus: Corpus, tokens: list[str]) -> dict[int, float]:
    if not tokens:
        return {}
    total = len(corpus.docs)
    idf = {
        t: math.log(1 + (total - df + 0.5) / (df + 0.5))
        for t in tokens
        if (df := corpus.stem_df.get(t, 0)) > 0
    }
    if not idf:
        return {}
    out = {}
    for pk, doc in corpus.docs.items():
        score, matched = 0.0, 0
        for token, weight in idf.items():
            part = _token_score(doc, token)
            if part:
                matched += 1
                score += weight * part
        if matched:
            out[pk] = score * (matched / len(tokens)) ** 2
    return out


def _token_score(doc: Doc, token: str) -> float:
    parts = []
    for name, weight in FIELD_WEIGHTS.items():
        tf = doc.fields[name].get(token)
        if tf:
            parts.append(weight * tf / (tf + TF_SATURATION))
    if not parts:
        return 0.0
    best = max(parts)
    return best + ACROSS_BOOST * 0.6 * (sum(parts) - best)


def _correct(word: str, corpus: Corpus) -> str:
    """``word``, or the closest indexed word when neither it nor its stem is known."""
    if len(word) < MIN_TYPO_LENGTH or not word.isalpha() or word in corpus.word_df:
        return word
    stems = analyze(word).split()
    if not stems or all(corpus.stem_df.get(s, 0) > 0 for s in stems):
        return word  # a stop word, or found through its stem
    if tuple(stems) in current_vocabulary().synonyms:
        return word  # an abbreviation the vocabulary expands
    limit = 1 if len(word) <= 5 else 2
    best, best_key = word, None
    for candidate in _by_initial(corpus).get(word[0], ()):
        if abs(len(candidate) - len(word)) > limit:
            continue
        distance = edit_distance(word, candidate, limit)
        if distance <= limit:
            key = (distance, -corpus.word_df[candidate], candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
    return best


_initials: dict = {"generation": None, "corpus": None, "index": {}}


def _by_initial(corpus: Corpus) -> dict[str, list[str]]:
    """Indexed words by first letter, rebuilt when the corpus changed."""
    if (
        _initials["corpus"] is not corpus
        or _initials["generation"] != corpus.generation
    ):
        index: dict[str, list[str]] = {}
        for word in corpus.word_df:
            if word.isalpha() and len(word) >= MIN_TYPO_LENGTH - 1:
                index.setdefault(word[0], []).append(word)
        _initials.update(generation=corpus.generation, corpus=corpus, index=index)
    return _initials["index"]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions counted once (Damerau, restricted),
    or ``limit + 1`` as soon as it must exceed ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
