"""Suggestions: "did you mean" (term suggester) and autocomplete (completion).

"Did you mean" asks one term suggester per raw field (``title``, ``body``) in
``missing`` mode: a field proposes corrections only for words it does not contain.
Per word of the query:
- no field proposes anything: kept (known, or nothing close exists);
- every field proposes: unknown everywhere, replaced by the best option;
- some fields propose and others do not: either the word is in those others, or
  they have nothing close. ``known_words_body`` asks the index which (one cheap
  request); the word is replaced only when it is found in no field.
- a correction is offered only if a live document holds it (the same request).
Missing a correction costs little; "correcting" a rare but right word
("membangun" -> "membantu") misleads.
"""

from collections.abc import Iterable, Mapping

DID_YOU_MEAN_FIELDS = ("title", "body")
AUTOCOMPLETE_SIZE = 8
AUTOCOMPLETE_SOURCE = ["title", "url", "kind"]


def did_you_mean(text: str) -> dict:
    suggest: dict = {"text": text}
    for field in DID_YOU_MEAN_FIELDS:
        suggest[f"dym_{field}"] = {
            "term": {
                "field": field,
                "suggest_mode": "missing",
                "size": 3,
                "sort": "score",
                "min_word_length": 4,
                "prefix_length": 1,
                "max_edits": 2,
            }
        }
    return suggest


def _positions(suggest: Mapping) -> list[tuple[int, int, str, list[list[dict]]]]:
    """(offset, length, word, options per field) for each analysed word."""
    by_offset: dict[int, tuple[int, str, list]] = {}
    for field in DID_YOU_MEAN_FIELDS:
        for entry in suggest.get(f"dym_{field}", []):
            length, word, options = by_offset.setdefault(
                entry["offset"], (entry["length"], entry["text"], [])
            )
            options.append(entry["options"])
    return [(offset, *rest) for offset, rest in sorted(by_offset.items())]


def ambiguous_words(suggest: Mapping) -> list[str]:
    """The words to look up in the index: those some fields propose corrections
    for and others do not, and every proposed correction. The term suggester reads
    the term dictionary, which keeps the words of deleted documents (a page made
    private, a document withheld) until segments merge: a correction no live
    document holds must not be offered."""
    words = []
    for _offset, _length, word, options in _positions(suggest):
        if any(options) and not all(options):
            words.append(word)
        words += [option["text"] for field in options for option in field]
    return list(dict.fromkeys(words))


def close_words(suggest: Mapping, words: Iterable[str]) -> list[str]:
    """The index's words close to each of ``words``: every option any field's
    suggester gave for it, best first, each once."""
    words = set(words)
    options = [
        option
        for _offset, _length, word, per_field in _positions(suggest)
        if word in words
        for field_options in per_field
        for option in field_options
    ]
    options.sort(key=lambda o: -o["score"])
    return list(dict.fromkeys(option["text"] for option in options))


def known_words_body(words: Iterable[str]) -> dict:
    """Counts, per word, the documents holding it in any suggester field."""
    filters = {
        word: {"bool": {"should": [{"term": {f: word}} for f in DID_YOU_MEAN_FIELDS]}}
        for word in words
    }
    return {
        "size": 0,
        "track_total_hits": False,
        "aggs": {"known": {"filters": {"filters": filters}}},
    }


def parse_unknown_words(response: Mapping) -> set[str]:
    buckets = response.get("aggregations", {}).get("known", {}).get("buckets", {})
    return {word for word, bucket in buckets.items() if bucket["doc_count"] == 0}


def corrected_query(
    text: str, suggest: Mapping, unknown: Iterable[str] = ()
) -> str | None:
    """``text`` with each unknown word replaced by its best correction, or None.
    ``unknown``: words of ``ambiguous_words`` no live document holds (an ambiguous
    word is then replaced; a correction is then never offered)."""
    unknown = set(unknown)
    replacements = []
    for offset, length, word, per_field in _positions(suggest):
        if not any(per_field) or (not all(per_field) and word not in unknown):
            continue
        options = [
            option
            for field_options in per_field
            for option in field_options
            if option["text"] not in unknown
        ]
        if not options:
            continue
        best = max(options, key=lambda o: (o["score"], o.get("freq", 0)))
        replacements.append((offset, length, best["text"]))
    corrected = text
    for offset, length, word in reversed(replacements):
        corrected = corrected[:offset] + word + corrected[offset + length :]
    return corrected if corrected != text else None


def autocomplete(prefix: str, *, size: int = AUTOCOMPLETE_SIZE) -> dict:
    completion: dict = {"field": "suggest", "size": size, "skip_duplicates": True}
    if len(prefix) >= 4:
        # One slip is forgiven once the prefix is long enough to mean something.
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 2, "min_length": 4}
    return {
        "_source": AUTOCOMPLETE_SOURCE,
        "suggest": {"autocomplete": {"prefix": prefix, "completion": completion}},
    }


def parse_autocomplete(response: Mapping) -> list[dict]:
    rows = []
    for entry in response.get("suggest", {}).get("autocomplete", []):
        for option in entry.get("options", []):
            source = option.get("_source", {})
            rows.append({"title": source.get("title", ""), "url": source.get("url")})
    return rows
