"""Tracking codes: 10 characters without look-alikes (no 0/O, 1/I), shown as
``XXXXX-XXXXX`` so they are easy to read aloud; 32^10 ≈ 10^15 codes, drawn with
``secrets`` so they cannot be guessed from one another."""

import re
import secrets

from .models import CODE_ALPHABET

CODE_LENGTH = 10
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_code(text: str) -> str | None:
    """The stored form of a code as typed (any case, spaces or dashes anywhere),
    or None when it cannot be a code."""
    raw = _SEPARATORS.sub("", str(text or "")).upper()
    if len(raw) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in raw):
        return None
    return f"{raw[:5]}-{raw[5:]}"
