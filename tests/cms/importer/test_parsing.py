"""Line -> record or reason, without a database."""

import json
from datetime import timedelta

import pytest

from cms.content.models import IMPORTABLE_TYPES
from cms.importer.parsing import BadLine, ImportRecord, parse_line, parse_lines

from .conftest import dip_item, item


def reason(data) -> str:
    line = data if isinstance(data, str) else json.dumps(data)
    result = parse_line(7, line)
    assert isinstance(result, BadLine), f"accepted: {result}"
    assert result.line_no == 7
    return result.reason


def test_a_valid_line_becomes_a_record():
    record = parse_line(3, json.dumps(item(tags=["Stunting", " stunting ", "SPBE"])))
    assert isinstance(record, ImportRecord)
    assert (record.line_no, record.opd, record.type) == (3, "diskominfo", "rilis")
    assert record.published.utcoffset() == timedelta(hours=7)
    assert record.tags == ("Stunting", "SPBE")  # case-insensitive duplicates merged
    assert record.status == "published" and record.is_published
    assert record.series is None and record.dip is None


def test_every_importable_type_of_the_content_model_is_accepted():
    for type_code in [*IMPORTABLE_TYPES, "dip"]:
        data = dip_item() if type_code == "dip" else item(type=type_code)
        assert isinstance(parse_line(1, json.dumps(data)), ImportRecord), type_code


@pytest.mark.parametrize(
    "line, expected",
    [
        ('{"source_url": "x", "title": ', "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (item(source_url=None), "missing source_url"),
        (item(type="blog"), "unknown type 'blog'"),
        (item(opd=None), "missing opd"),
        (item(opd="Dinas Kesehatan"), "unknown OPD 'Dinas Kesehatan'"),
        (item(title=None), "missing title"),
        (item(title="   "), "missing title"),
        (item(title="x" * 256), "title is longer than 255 characters"),
        (item(title=12), "title must be a string"),
        (item(published=None), "missing published"),
        (item(published="2 November 2026"), "invalid published date"),
        (item(published="2026-11-02T09:00:00"), "has no UTC offset"),
        (item(published="2026-11-02"), "has no UTC offset"),
        (item(body_html=None), "missing body_html"),
        (item(body_html="<p>a\x00</p>"), "body_html contains a NUL character"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON"),
        (item(summary="x" * 501), "summary is longer than 500 characters"),
        (item(tags="stunting"), "tags must be a list of strings"),
        (item(tags=["x" * 101]), "longer than 100 characters"),
        (item(series="Info RB"), "invalid series slug 'Info RB'"),
        (item(status="archived"), "unknown status 'archived'"),
        (item(dip={"kategori": "berkala"}), "dip is only allowed for type 'dip'"),
        (item(type="dip"), "missing dip object"),
        (dip_item(kategori="rahasia"), "unknown dip.kategori 'rahasia'"),
        (dip_item(kategori=None), "missing dip.kategori"),
        (dip_item(bentuk="lisan"), "unknown dip.bentuk 'lisan'"),
        (dip_item(tahun="dua ribu"), "dip.tahun must be a year"),
        (dip_item(tahun=1200), "dip.tahun 1200 is not a plausible year"),
        (dip_item(retensi="x" * 101), "dip.retensi is longer than 100 characters"),
        (
            dip_item(kategori="dikecualikan"),
            "dip.dasar_hukum is required when kategori is dikecualikan",
        ),
        ({**dip_item(), "tags": ["apbd"]}, "a dip entry has no tags"),
    ],
)
def test_bad_lines_are_reported_with_a_reason(line, expected):
    assert expected in reason(line)


def test_an_exempted_entry_with_its_legal_basis_is_accepted():
    record = parse_line(
        1,
        json.dumps(
            dip_item(kategori="dikecualikan", dasar_hukum="Pasal 17 huruf h UU 14/2008")
        ),
    )
    assert record.dip.kategori == "dikecualikan"
    assert record.dip.dasar_hukum.startswith("Pasal 17")


def test_dip_summary_falls_back_to_the_record_summary():
    data = dip_item(ringkasan=None)
    data["summary"] = "Ringkasan dari sumber."
    assert parse_line(1, json.dumps(data)).dip.ringkasan == "Ringkasan dari sumber."


def test_line_numbers_count_blank_lines_and_bad_bytes():
    lines = [
        b"\n",
        json.dumps(item()).encode() + b"\n",
        b'{"title": "\xff"}\n',
        b"  \n",
        b"{broken\n",
    ]
    results = list(parse_lines(lines))
    assert [r.line_no for r in results] == [2, 3, 5]
    assert isinstance(results[0], ImportRecord)
    assert results[1].reason == "not valid UTF-8"
    assert str(results[2]).startswith("line 5: invalid JSON")


def test_a_byte_order_mark_on_the_first_line_is_ignored():
    [result] = parse_lines(["\ufeff" + json.dumps(item())])
    assert isinstance(result, ImportRecord)


def test_checksum_follows_the_content_not_the_key_order():
    data = item()
    same = dict(reversed(list(data.items())))
    first = parse_line(1, json.dumps(data)).checksum
    assert parse_line(9, json.dumps(same)).checksum == first
    assert parse_line(1, json.dumps(item(title="Judul Baru"))).checksum != first


def test_a_complaint_follow_up_cannot_be_imported():
    # Only the verification team's approval publishes one (cms.complaints).
    assert "type 'tindak-lanjut' cannot be imported" in reason(
        item(type="tindak-lanjut")
    )
