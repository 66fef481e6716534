"""The columns of the annual report, in one place: the admin page, the public
page, the CSV and the XLSX all read them, so they show the same figures under
the same headings, each with a plain-language explanation."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DECISIONS = (
    "diberikan_seluruhnya",
    "diberikan_sebagian",
    "ditolak",
    "tidak_dikuasai",
    "belum_didokumentasikan",
)
# "" is a dispute recorded before the Komisi Informasi decided it.
DISPUTE_OUTCOMES = (
    "dikabulkan",
    "dikabulkan_sebagian",
    "ditolak",
    "mediasi",
    "dicabut",
    "",
)


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise
    help: Promise
    kind: str = "count"  # "count": a number of requests; "days": working days


def _c(key, label, help_text, kind="count") -> Column:
    return Column(key, label, help_text, kind)


REQUESTS = (
    _c(
        "received",
        _("Permohonan diterima"),
        _("Permohonan informasi yang didaftarkan (mendapat nomor register) tahun ini."),
    ),
    _c(
        "decided",
        _("Sudah diputus"),
        _(
            "Permohonan tahun ini yang sudah mendapat keputusan PPID, kapan pun "
            "diputus."
        ),
    ),
    _c(
        "on_time",
        _("Diputus tepat waktu"),
        _(
            "Diputus paling lambat pada batas waktunya: 10 hari kerja, atau 17 hari "
            "kerja bila diperpanjang."
        ),
    ),
    _c(
        "extended",
        _("Diperpanjang"),
        _("Batas waktunya diperpanjang 7 hari kerja dengan alasan tertulis."),
    ),
    _c(
        "median_days",
        _("Median waktu memutus (hari kerja)"),
        _(
            "Separuh permohonan yang sudah diputus, diputus dalam waktu ini atau lebih "
            "cepat, dihitung dalam hari kerja sejak permohonan diterima."
        ),
        "days",
    ),
    _c(
        "mean_days",
        _("Rata-rata waktu memutus (hari kerja)"),
        _("Rata-rata hari kerja dari permohonan diterima sampai diputus."),
        "days",
    ),
    _c(
        "open_at_year_end",
        _("Belum diputus pada akhir tahun"),
        _(
            "Permohonan tahun ini yang belum diputus pada 31 Desember (untuk tahun "
            "berjalan: sampai hari ini)."
        ),
    ),
)
OUTCOMES = (
    _c(
        "diberikan_seluruhnya",
        _("Diberikan seluruhnya"),
        _("Seluruh informasi yang diminta diberikan."),
    ),
    _c(
        "diberikan_sebagian",
        _("Diberikan sebagian"),
        _(
            "Sebagian informasi dihitamkan karena dikecualikan; bagian dan alasannya "
            "disampaikan kepada pemohon."
        ),
    ),
    _c(
        "ditolak",
        _("Ditolak"),
        _(
            "Ditolak karena informasinya dikecualikan (Pasal 17 UU 14/2008) setelah "
            "uji konsekuensi; dasar penolakannya dirinci tersendiri."
        ),
    ),
    _c(
        "tidak_dikuasai",
        _("Tidak dikuasai"),
        _("Informasi tidak dikuasai; pemohon diarahkan ke badan yang menguasainya."),
    ),
    _c(
        "belum_didokumentasikan",
        _("Belum didokumentasikan"),
        _("Informasi yang diminta belum dibuat atau belum didokumentasikan."),
    ),
)
OBJECTIONS = (
    _c(
        "objections_filed",
        _("Keberatan diajukan"),
        _("Keberatan pemohon atas permohonan tahun ini (Pasal 35 UU 14/2008)."),
    ),
    _c(
        "objections_answered",
        _("Keberatan dijawab"),
        _("Keberatan yang sudah ditanggapi atasan PPID."),
    ),
    _c(
        "objections_upheld",
        _("Keberatan diterima"),
        _("Keberatan yang dibenarkan atasan PPID."),
    ),
    _c(
        "disputes",
        _("Sengketa ke Komisi Informasi"),
        _("Keberatan yang dilanjutkan pemohon ke Komisi Informasi."),
    ),
    _c(
        "dispute_dikabulkan",
        _("Sengketa dikabulkan"),
        _("Komisi Informasi mengabulkan permohonan."),
    ),
    _c(
        "dispute_dikabulkan_sebagian",
        _("Sengketa dikabulkan sebagian"),
        _("Komisi Informasi mengabulkan sebagian permohonan."),
    ),
    _c(
        "dispute_ditolak",
        _("Sengketa ditolak"),
        _("Komisi Informasi menolak permohonan."),
    ),
    _c(
        "dispute_mediasi",
        _("Sengketa selesai mediasi"),
        _("Sengketa selesai dengan kesepakatan mediasi."),
    ),
    _c(
        "dispute_dicabut",
        _("Sengketa dicabut"),
        _("Pemohon mencabut sengketanya."),
    ),
    _c(
        "dispute_pending",
        _("Sengketa belum diputus"),
        _("Sengketa yang belum diputus Komisi Informasi."),
    ),
)
GROUPS = (
    (_("Permohonan dan waktu"), REQUESTS),
    (_("Keputusan"), OUTCOMES),
    (_("Keberatan dan sengketa"), OBJECTIONS),
)
COLUMNS = REQUESTS + OUTCOMES + OBJECTIONS


def column_keys(kind: str) -> list[str]:
    return [column.key for column in COLUMNS if column.kind == kind]


@dataclass(frozen=True)
class Table:
    """One group of columns (``GROUPS``) as a table: what the pages render."""

    label: str
    columns: tuple
    lines: list  # (row, [value per column])


def report_tables(report) -> list[Table]:
    """An ``AnnualReport`` as one table per group (the total last, unless the
    report is cut down to some OPDs)."""
    rows = report.rows if report.partial else [*report.rows, report.total]
    return [
        Table(label, columns, [(row, [row[c.key] for c in columns]) for row in rows])
        for label, columns in GROUPS
    ]
