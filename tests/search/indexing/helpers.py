"""Helpers of the indexing suite: index look-ups, and small real documents (PDF,
Word, Excel, PowerPoint) made on the fly."""

import io

from search.client import get_client
from search.documents import alias_name
from search.indexing.keys import page_key
from search.indexing.outbox import outbox_drain


def drain():
    """Drain everything due, then make it searchable."""
    report = outbox_drain()
    get_client().indices.refresh(index=alias_name())
    return report


def indexed(page):
    """The page's document in the public index, or None."""
    response = (
        get_client()
        .options(ignore_status=404)
        .get(index=alias_name(), id=page_key(page.pk))
    )
    return response.body.get("_source") if response.body.get("found") else None


def search_keys(field, text):
    hits = get_client().search(index=alias_name(), query={"match": {field: text}})
    return {hit["_id"] for hit in hits["hits"]["hits"]}


def pdf_bytes(text: str) -> bytes:
    """A minimal valid one-page PDF showing ``text`` in Helvetica (written by hand:
    pypdf reads text but cannot typeset it)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of numbered ``objects`` (1 is the catalog), with its xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pptx_bytes(title: str) -> bytes:
    from pptx import Presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[0])
    slide.shapes.title.text = title
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
