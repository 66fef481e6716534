"""Timeline entries written by the system, shown in the reader's language.

A timeline entry's ``message`` is kept for the record in the site's language
(Indonesian), whoever's admin language was active. An entry the system wrote also
keeps its template key and facts (``facts = {"text": key, ...}``), so every page
and API renders it again, at display time, in the language of whoever reads it.
Entries people typed (verifier, liaison, reporter, PPID) have no key: their message
is shown exactly as typed.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

Template = Callable[[Mapping], str]


@dataclass(frozen=True)
class SystemText:
    """A system-written entry: the template's key and the facts it needs."""

    key: str
    facts: dict = field(default_factory=dict)


def stored(message, templates: Mapping[str, Template]) -> tuple[str, dict]:
    """(the text to store, the facts to store) for a typed ``str`` or a
    ``SystemText``; the stored text is always in the site's language."""
    if not isinstance(message, SystemText):
        return message, {}
    with translation.override(settings.LANGUAGE_CODE):
        text = templates[message.key](message.facts)
    return text, {**message.facts, "text": message.key}


def rendered(entry, templates: Mapping[str, Template]) -> str:
    """The entry's text in the active language: a system entry from its template,
    anything else (and a system entry whose facts no longer fit) as stored."""
    facts = entry.facts or {}
    template = templates.get(facts.get("text"))
    if template is None:
        return entry.message
    try:
        return template(facts)
    except (KeyError, TypeError, ValueError):
        return entry.message
