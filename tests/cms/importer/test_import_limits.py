"""One line that breaks the parser or the writer costs that line, never the import."""

import io
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from cms.content.models import NewsPage
from cms.importer.richtext import MAX_DEPTH

from .conftest import item, jsonl

pytestmark = pytest.mark.django_db


def run_command(tmp_path, *rows, **options):
    path = tmp_path / "items.jsonl"
    path.write_text("".join(jsonl(*rows)))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="bad line"):
        call_command("import_content", str(path), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue().splitlines()


def titles():
    return sorted(NewsPage.objects.values_list("title", flat=True))


def test_deeply_nested_html_is_a_bad_line_not_a_crash(opds, tmp_path):
    deep = "<div>" * 300 + "x" + "</div>" * 300
    fonts = "<font>" * 300 + "teks"
    out, errors = run_command(
        tmp_path,
        item(source_url="s/1", title="Satu"),
        item(source_url="s/2", title="Dua", body_html=deep),
        item(source_url="s/3", title="Tiga", body_html=fonts),
        item(source_url="s/4", title="Empat"),
    )
    assert errors == [
        "line 2: body_html is nested more than 100 elements deep (unclosed tags?)",
        "line 3: body_html is nested more than 100 elements deep (unclosed tags?)",
    ]
    assert "Import: 2 created, 0 updated, 0 unchanged, 2 bad." in out
    assert titles() == ["Empat", "Satu"]


def test_nesting_up_to_the_limit_is_still_imported(run_import):
    html = "<div>" * (MAX_DEPTH - 1) + "<p>dalam</p>" + "</div>" * (MAX_DEPTH - 1)
    report = run_import(item(body_html=html))
    assert (report.created, report.bad) == (1, 0)


@pytest.mark.parametrize(
    "published",
    [
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+00:00",
        "0001-01-01T00:00:00+07:00",
        "9999-12-31T23:59:59-07:00",
        "1899-12-31T23:59:59+07:00",
        "2101-01-01T00:00:00+07:00",
    ],
)
def test_published_out_of_range_is_a_bad_line(opds, tmp_path, published):
    out, errors = run_command(
        tmp_path,
        item(source_url="s/1", title="Satu"),
        item(source_url="s/2", title="Dua", published=published),
        item(source_url="s/3", title="Tiga"),
    )
    assert errors == [
        f"line 2: published '{published}' is out of range (years 1900 to 2100)"
    ]
    assert "Import: 2 created, 0 updated, 0 unchanged, 1 bad." in out
    assert titles() == ["Satu", "Tiga"]


def test_an_unexpected_error_costs_only_its_line(opds, tmp_path):
    """The last line of defence: any exception in a batch is replayed per line."""
    from cms.importer import pages

    real = pages.sanitise_html

    def flaky(html):
        if "meledak" in html:
            raise RuntimeError("boom")
        return real(html)

    with mock.patch.object(pages, "sanitise_html", flaky):
        out, errors = run_command(
            tmp_path,
            item(source_url="s/1", title="Satu"),
            item(source_url="s/2", title="Dua", body_html="<p>meledak</p>"),
            item(source_url="s/3", title="Tiga"),
        )
    assert errors == ["line 2: not saved: unexpected error (RuntimeError: boom)"]
    assert "Import: 2 created, 0 updated, 0 unchanged, 1 bad." in out
    assert titles() == ["Satu", "Tiga"]


def test_an_unexpected_parsing_error_costs_only_its_line(opds, tmp_path):
    from cms.importer import parsing

    real = parsing._tags

    def flaky(value):
        if value == ["meledak"]:
            raise OverflowError("too big")
        return real(value)

    with mock.patch.object(parsing, "_tags", flaky):
        out, errors = run_command(
            tmp_path,
            item(source_url="s/1", title="Satu"),
            item(source_url="s/2", title="Dua", tags=["meledak"]),
            item(source_url="s/3", title="Tiga"),
        )
    assert errors == ["line 2: unexpected error (OverflowError: too big)"]
    assert "Import: 2 created, 0 updated, 0 unchanged, 1 bad." in out
    assert titles() == ["Satu", "Tiga"]
