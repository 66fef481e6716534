"""Helpers for importer tests: one valid line, adjustable field by field."""

import json

import pytest


def item(**overrides) -> dict:
    """A valid press release of diskominfo; ``key=None`` drops the key."""
    data = {
        "source_url": "https://lama.bantenprov.go.id/berita/1",
        "opd": "diskominfo",
        "type": "rilis",
        "title": "Portal Terpadu Diluncurkan",
        "published": "2026-11-02T09:00:00+07:00",
        "summary": "Satu pintu informasi publik.",
        "body_html": "<p>Warga cukup membuka satu alamat.</p>",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def dip_item(**dip_overrides) -> dict:
    dip = {
        "kategori": "berkala",
        "ringkasan": "Realisasi anggaran 2025.",
        "pejabat_penguasa": "Sekretariat",
        "penanggung_jawab": "Subbagian Keuangan",
        "bentuk": "cetak_elektronik",
        "retensi": "10 tahun",
        "tahun": 2025,
    }
    dip.update(dip_overrides)
    return item(
        source_url="https://lama.bantenprov.go.id/dip/lra-2025",
        type="dip",
        title="Laporan Realisasi Anggaran 2025",
        summary=None,
        body_html="<p>Tersedia di layanan PPID.</p>",
        dip={k: v for k, v in dip.items() if v is not None},
    )


def jsonl(*rows) -> list[str]:
    """Lines as a file would give them; a str row is written as is (bad JSON...)."""
    return [(row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows]


@pytest.fixture
def run_import(opds):
    from cms.importer.services import content_import

    def run(*rows, **kwargs):
        return content_import(lines=jsonl(*rows), **kwargs)

    return run
