"""A deterministic JSON Lines file for the importer benchmark.

Varied types and OPDs, tags on most items, a few series, and about 2% bad lines of
the kinds the importer must report (invalid JSON, unknown OPD or type, missing title,
naive date, bad DIP category). Every tenth item, and every infographic, video and
podcast (the importer carries no media), is a draft. The text comes from
bench/corpus.py (a Zipf-like draw from over 5,000 Indonesian words).
"""

import json
import random
from pathlib import Path

from bench import corpus

TYPES = (
    ["rilis"] * 4
    + ["artikel"] * 2
    + [
        "pengumuman",
        "infografis",
        "video",
        "podcast",
        "dokumen",
        "dip",
    ]
)
TAGS = ["stunting", "spbe", "kesehatan", "pendidikan", "banjir", "investasi", "umkm"]
# The importer carries no media, so an editor's rule (cms/importer/gates.py) keeps
# these from being published by an import: they come in as drafts, as in the CMS.
NEEDS_MEDIA = {"infografis", "video", "podcast"}
SERIES = ["info-rb-tematik", "siniar-pelayanan-publik", "jelajah-banten"]
KATEGORI = ["berkala", "serta_merta", "setiap_saat", "dikecualikan"]
BODY = (
    "<h2>Ringkasan</h2><p>{a} <b>{b}</b> dan <i>{c}</i>.</p><p>{f}</p>"
    "<ul><li>{d}</li><li>{e}</li></ul>"
    '<p>Info lengkap di <a href="https://bantenprov.go.id">portal</a>.</p>'
)
BAD_LINES = [
    '{"source_url": "bench://bad/json", "title": ',
    '{"source_url": "bench://bad/opd-{n}", "opd": "tidak-ada", "type": "rilis", '
    '"title": "X", "published": "2026-01-01T08:00:00+07:00", "body_html": "<p>x</p>"}',
    '{"source_url": "bench://bad/type-{n}", "opd": "dinkes", "type": "blog", '
    '"title": "X", "published": "2026-01-01T08:00:00+07:00", "body_html": "<p>x</p>"}',
    '{"source_url": "bench://bad/title-{n}", "opd": "dinkes", "type": "rilis", '
    '"published": "2026-01-01T08:00:00+07:00", "body_html": "<p>x</p>"}',
    '{"source_url": "bench://bad/naive-{n}", "opd": "dinkes", "type": "rilis", '
    '"title": "X", "published": "2026-01-01T08:00:00", "body_html": "<p>x</p>"}',
    '{"source_url": "bench://bad/kategori-{n}", "opd": "dinkes", "type": "dip", '
    '"title": "X", "published": "2026-01-01T08:00:00+07:00", "body_html": "", '
    '"dip": {"kategori": "rahasia"}}',
]


def _sentence(rng: random.Random, n: int) -> str:
    return corpus.sentence(rng, n).rstrip(".")


def item(rng: random.Random, n: int, opds: list[str], seed: int) -> dict:
    type_ = rng.choice(TYPES)
    row = {
        "source_url": f"bench://item/{seed}/{n}",
        "opd": rng.choice(opds),
        "type": type_,
        "title": f"{corpus.title(rng)} {n}",
        "published": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T08:{n % 60:02d}:00+07:00",
        "summary": _sentence(rng, 14),
        "body_html": BODY.format(
            f=corpus.paragraph(rng, 80), **{k: _sentence(rng, 8) for k in "abcde"}
        ),
        "status": "draft" if n % 10 == 0 or type_ in NEEDS_MEDIA else "published",
    }
    if type_ == "dip":
        kategori = rng.choice(KATEGORI)
        row["dip"] = {
            "kategori": kategori,
            "ringkasan": _sentence(rng, 12),
            "pejabat_penguasa": "Sekretariat",
            "penanggung_jawab": "PPID Pelaksana",
            "bentuk": "cetak_elektronik",
            "retensi": "5 tahun",
            "tahun": 2020 + n % 7,
        }
        if kategori == "dikecualikan":
            row["dip"]["dasar_hukum"] = "Pasal 17 huruf a UU 14/2008"
        return row
    if rng.random() < 0.8:
        row["tags"] = rng.sample(TAGS, rng.randint(1, 3))
    if rng.random() < 0.1:
        row["series"] = rng.choice(SERIES)
    return row


def jsonl_write(path: Path, *, count: int, opds: list[str], seed: int = 14) -> int:
    """Write ``count`` lines, about 2% of them bad; return the number of bad lines."""
    rng = random.Random(seed)
    bad = 0
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            if n % 50 == 49:
                out.write(BAD_LINES[bad % len(BAD_LINES)].replace("{n}", str(n)) + "\n")
                bad += 1
            else:
                out.write(
                    json.dumps(item(rng, n, opds, seed), ensure_ascii=False) + "\n"
                )
    return bad
