"""Load the starter search vocabulary into the SearchTerm snippet.

Idempotent and additive: creates missing terms, adds missing phrases to existing ones
and never deletes a term or a line an editor wrote, so it is safe on every deploy.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from search.language.models import SearchTerm
from search.language.normalize import normalize
from search.language.vocabulary import (
    VOCABULARY_FILE,
    read_vocabulary_file,
    split_lines,
)


def _merged(existing: str, from_file) -> str:
    """Editor's lines first (they may have reordered them), then the file's new ones."""
    lines = list(split_lines(existing))
    seen = {normalize(line) for line in lines}
    for line in split_lines(from_file):
        if normalize(line) not in seen:
            lines.append(line)
            seen.add(normalize(line))
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Buat atau perbarui istilah pencarian bawaan (tidak pernah menghapus)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=VOCABULARY_FILE)

    @transaction.atomic
    def handle(self, *args, file: Path, **options):
        created = updated = 0
        for row in read_vocabulary_file(file):
            term = normalize(row["term"])
            obj = SearchTerm.objects.filter(term=term).first()
            if obj is None:
                SearchTerm.objects.create(
                    term=term,
                    expansions="\n".join(split_lines(row.get("expansions") or ())),
                    one_way_expansions="\n".join(
                        split_lines(row.get("one_way_expansions") or ())
                    ),
                    protect_from_stemming=bool(row.get("protect_from_stemming")),
                    notes=row.get("notes", ""),
                )
                created += 1
                continue
            before = (
                obj.expansions,
                obj.one_way_expansions,
                obj.protect_from_stemming,
                obj.notes,
            )
            obj.expansions = _merged(obj.expansions, row.get("expansions") or ())
            obj.one_way_expansions = _merged(
                obj.one_way_expansions, row.get("one_way_expansions") or ()
            )
            # Only ever adds protection: unprotecting is an editor's (reindexed) call.
            obj.protect_from_stemming = obj.protect_from_stemming or bool(
                row.get("protect_from_stemming")
            )
            obj.notes = obj.notes or row.get("notes", "")
            if before != (
                obj.expansions,
                obj.one_way_expansions,
                obj.protect_from_stemming,
                obj.notes,
            ):
                obj.save()
                updated += 1
        total = SearchTerm.objects.count()
        self.stdout.write(
            f"Istilah pencarian: {created} dibuat, {updated} diperbarui, "
            f"{total} seluruhnya."
        )
