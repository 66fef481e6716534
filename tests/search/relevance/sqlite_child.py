"""Child process of the SQLite run: the relevance corpus in an already migrated
embedded database (``make run``'s setup), scored through the database fallback.
Prints one JSON line: {"line": ..., "rate": ..., "misses": [...]}."""

import json

import django


def main() -> None:
    django.setup()
    from .harness import evaluate, load_corpus

    load_corpus()
    score = evaluate("database (SQLite)")
    print(
        json.dumps({"line": score.line(), "rate": score.rate, "misses": score.misses})
    )


if __name__ == "__main__":
    main()
