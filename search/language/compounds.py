"""Written-together compounds: "pertanggungjawaban" is analysed as "tanggung jawab".

Indonesian writes a compound apart ("tanggung jawab") until it takes a prefix and a
suffix at once, then as one word ("pertanggungjawaban", "diikutsertakan"). Sastrawi
knows neither the joined base nor its parts as one root, so such words stayed whole
and never met the separately written phrase. From ``data/compounds_id.txt`` we derive
every surface form the affix rules allow (prefixes with the nasal changes of meN- and
peN-, suffixes and their pairs) once per process; a token found among them is
replaced by the compound's two words, which the analysis then treats like words
written apart. A word not derived from a listed compound (matahari, olahraga) is
never split: lookup is exact, no guessing.
"""

from functools import cache

from .vocabulary import DATA_DIR, _word_lines

COMPOUNDS_FILE = DATA_DIR / "compounds_id.txt"

_PLAIN_PREFIXES = ("", "di", "ter", "ke", "se", "ber", "be", "per", "diper", "keber")
_SUFFIXES = ("", "an", "kan", "i", "nya", "annya", "kannya", "inya", "lah", "kah")


def _nasal_forms(base: str, stem: str) -> set[str]:
    """meN-/peN- (``stem`` is "me" or "pe") before ``base``, with the sound changes
    of the standard grammar (t -> n, p -> m, k -> ng, s -> ny); the unchanged form is
    allowed too (mempertanggungjawabkan keeps its p after memper-)."""
    first, rest = base[0], base[1:]
    forms = {stem + base}  # l, m, n, r, w, y: me-/pe- alone
    if first in "bfv":
        forms.add(f"{stem}m{base}")
    elif first == "p":
        forms |= {f"{stem}m{rest}", f"{stem}m{base}"}
    elif first in "cdjz":
        forms.add(f"{stem}n{base}")
    elif first == "t":
        forms |= {f"{stem}n{rest}", f"{stem}n{base}"}
    elif first == "s":
        forms |= {f"{stem}ny{rest}", f"{stem}n{base}"}
    elif first == "k":
        forms |= {f"{stem}ng{rest}", f"{stem}ng{base}"}
    else:  # vowels, g, h
        forms.add(f"{stem}ng{base}")
    return forms


def _surface_forms(base: str) -> set[str]:
    prefixed = {prefix + base for prefix in _PLAIN_PREFIXES}
    prefixed |= _nasal_forms(base, "me") | _nasal_forms(base, "pe")
    prefixed |= {f"memper{base}", f"pember{base}", f"keter{base}"}
    return {form + suffix for form in prefixed for suffix in _SUFFIXES}


@cache
def compound_forms() -> dict[str, tuple[str, ...]]:
    """Every derived surface form -> the compound's words, e.g.
    ``"diikutsertakan" -> ("ikut", "serta")``. The joined base itself is included."""
    forms: dict[str, tuple[str, ...]] = {}
    for line in _word_lines(COMPOUNDS_FILE):
        parts = tuple(line.split())
        for form in _surface_forms("".join(parts)):
            forms.setdefault(form, parts)
    return forms


def compound_parts(token: str) -> tuple[str, ...] | None:
    """The words of the compound ``token`` is derived from, or None."""
    return compound_forms().get(token)
