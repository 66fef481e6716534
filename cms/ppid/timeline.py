"""The request timeline's system-written entries (see ``cms.core.system_text``):
``log(request, action, system("assigned", opd=...))`` stores the Indonesian text
for the record, ``entry_text(entry)`` shows it in the reader's language. Facts are
codes (decision, outcome, grounds) and ISO dates, labelled when shown."""

from datetime import date

from django.utils.translation import gettext as _

from cms.core.system_text import SystemText, rendered, stored

from .choices import Decision, DisputeOutcome, ObjectionOutcome
from .grounds import grounds_display


def _day(value: str) -> str:
    return date.fromisoformat(value).strftime("%d-%m-%Y")


def _dispute(facts, created: bool) -> str:
    text = (
        _("Sengketa informasi dicatat di Komisi Informasi, nomor %(number)s.")
        if created
        else _("Perkembangan sengketa %(number)s dicatat.")
    ) % {"number": facts["number"]}
    if facts.get("outcome"):
        text += " " + _("Putusan: %(outcome)s.") % {
            "outcome": DisputeOutcome(facts["outcome"]).label
        }
    return text


def _reminder(facts, what: str) -> str:
    return _("%(what)s dikirim (batas %(due)s).") % {
        "what": what,
        "due": _day(facts["due"]),
    }


TEMPLATES = {
    "submitted": lambda f: _("Permohonan diregistrasi dengan nomor %(number)s.") % f,
    "from_complaint": lambda f: (
        _(
            "Dialihkan dari aduan %(code)s oleh tim verifikasi aduan. NIK pemohon "
            "belum tercatat: lengkapi sebelum informasi diserahkan."
        )
        % f
    ),
    "assigned": lambda f: _("Permohonan diteruskan kepada PPID Pelaksana %(opd)s.") % f,
    # The reason is the officer's own words: inserted as typed.
    "extended": lambda f: (
        _("Waktu jawaban diperpanjang sampai %(due)s. Alasan: %(reason)s")
        % {"due": _day(f["due"]), "reason": f["reason"]}
    ),
    "decided": lambda f: (
        _("Keputusan: %(decision)s.") % {"decision": Decision(f["decision"]).label}
    ),
    "document_added": lambda f: _("Dokumen %(name)s ditambahkan.") % f,
    "document_promoted": lambda f: (
        _("Dokumen %(name)s dimasukkan ke DIP %(opd)s (draf).") % f
    ),
    "objection_filed": lambda f: (
        _("Keberatan diajukan dengan alasan: %(grounds)s.")
        % {"grounds": "; ".join(grounds_display(f["grounds"]))}
    ),
    "objection_answered": lambda f: (
        _("Keberatan ditanggapi Atasan PPID: %(outcome)s.")
        % {"outcome": ObjectionOutcome(f["outcome"]).label}
    ),
    "dispute_recorded": lambda f: _dispute(f, created=True),
    "dispute_updated": lambda f: _dispute(f, created=False),
    "reminder": lambda f: _reminder(f, _("Pengingat")),
    "escalation": lambda f: _reminder(f, _("Eskalasi")),
}


def system(key: str, **facts) -> SystemText:
    return SystemText(key, facts)


def stored_text(message) -> tuple[str, dict]:
    """(message, facts) to store for a typed ``str`` or a ``system(...)`` text."""
    return stored(message, TEMPLATES)


def entry_text(entry) -> str:
    """The entry's message in the active language (typed messages as typed)."""
    return rendered(entry, TEMPLATES)
