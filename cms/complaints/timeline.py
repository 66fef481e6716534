"""The report timeline's system-written entries (see ``cms.core.system_text``):
``log(report, action, system("disposed", opd=...))`` stores the Indonesian text
for the record, ``entry_text(entry)`` shows it in the reader's language."""

from django.utils.translation import gettext as _

from cms.core.system_text import SystemText, rendered, stored


def _not_authority(facts) -> str:
    # The referral is the verifier's own words: appended as typed.
    text = _("Laporan ini bukan kewenangan Pemerintah Provinsi Banten.")
    return f"{text} {facts['referral']}".strip()


TEMPLATES = {
    "submitted": lambda f: _("Laporan diterima dan menunggu verifikasi."),
    "disposed": lambda f: _("Laporan diteruskan kepada %(opd)s.") % f,
    "not_authority": _not_authority,
    "spam": lambda f: _("Laporan ini tidak dapat diproses lebih lanjut."),
    "merged": lambda f: _(
        "Laporan ini digabungkan dengan laporan lain tentang hal yang sama "
        "dan ditindaklanjuti bersama."
    ),
    "merged_into": lambda f: _("Digabungkan ke laporan %(code)s.") % f,
    "merged_here": lambda f: _("Laporan %(code)s digabungkan ke sini.") % f,
    "confirmed": lambda f: _("Pelapor menyatakan laporan selesai."),
    "closed_auto": lambda f: _(
        "Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja."
    ),
    "archived": lambda f: _("Laporan diarsipkan."),
    "to_ppid": lambda f: (
        _(
            "Laporan ini adalah permintaan informasi publik dan dialihkan ke layanan "
            "PPID dengan nomor register %(number)s. Tanggapan akan diberikan melalui "
            "layanan PPID."
        )
        % f
    ),
    "to_ppid_note": lambda f: _("Dialihkan ke PPID: %(number)s.") % f,
    "followup_published": lambda f: _("Tindak lanjut diterbitkan."),
    "followup_updated": lambda f: _("Tindak lanjut diperbarui."),
    "followup_withdrawn": lambda f: _("Tindak lanjut ditarik dari publikasi."),
}


def system(key: str, **facts) -> SystemText:
    return SystemText(key, facts)


def stored_text(message) -> tuple[str, dict]:
    """(message, facts) to store for a typed ``str`` or a ``system(...)`` text."""
    return stored(message, TEMPLATES)


def entry_text(entry) -> str:
    """The entry's message in the active language (typed messages as typed)."""
    return rendered(entry, TEMPLATES)


def record_text(key: str, **facts) -> str:
    """A system text as stored (Indonesian), e.g. for a field kept on the report."""
    return stored_text(system(key, **facts))[0]
