"""``manage.py search_reindex`` in a child process that pauses at a chosen point
until the test lets it go, so a test can signal or race it mid-run without timing
guesses.

    python -m tests.search.indexing.reindex_child <point> <gate> [command args]

``point``: ``create`` (about to create the new index: past every check) or
``load`` (the new index and its building alias exist). The child touches
``<gate>.reached`` when it gets there and waits for ``<gate>`` to exist.
"""

import sys
import time
from pathlib import Path

PATIENCE_SECONDS = 300  # a forgotten child ends by itself


def _wait(gate: Path) -> None:
    Path(f"{gate}.reached").touch()
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not gate.exists():
        if time.monotonic() > deadline:
            sys.exit("reindex_child: never released")
        time.sleep(0.02)


def main() -> None:
    point, gate, rest = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    import django

    django.setup()
    from django.core.management import execute_from_command_line

    from search import index_management
    from search.indexing import reindex

    if point == "create":
        real_create = index_management.create_index

        def create_index(*args, **kwargs):
            _wait(gate)
            return real_create(*args, **kwargs)

        index_management.create_index = create_index
    elif point == "load":
        real_documents = reindex.public_documents

        def public_documents(**kwargs):
            _wait(gate)
            yield from real_documents(**kwargs)

        reindex.public_documents = public_documents
    else:
        sys.exit(f"reindex_child: unknown point {point!r}")
    execute_from_command_line(["manage.py", "search_reindex", "--quiet", *rest])


if __name__ == "__main__":
    main()
