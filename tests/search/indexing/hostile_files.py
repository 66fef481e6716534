"""Hostile attachments made on the fly: Office files whose XML inflates far past
their size, zips with too many members, long and broken PDFs."""

import io
import zipfile

from .helpers import docx_bytes, pdf_from_objects

MB = 1024 * 1024


def docx_with_xml(megabytes: int, word: str = "kata") -> bytes:
    """A valid .docx whose document.xml holds ``megabytes`` MB of paragraphs of
    ``word``: a few hundred KB on disk (written in chunks, never held whole)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("Pembuka")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<w:body>")
            para = f"<w:p><w:r><w:t>{word} {word}</w:t></w:r></w:p>".encode()
            chunk = para * (MB // len(para))
            with archive.open(info.filename, "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                for _ in range(megabytes):
                    member.write(chunk)
                member.write(tail)
    return out.getvalue()


def docx_with_members(count: int) -> bytes:
    """A valid .docx padded with ``count`` extra tiny members."""
    out = io.BytesIO(docx_bytes("Banyak bagian"))
    with zipfile.ZipFile(out, "a") as archive:
        for number in range(count):
            archive.writestr(f"customXml/padding{number}.xml", b"<a/>")
    return out.getvalue()


def pdf_with_pages(count: int, text: str) -> bytes:
    """A valid PDF of ``count`` pages, all showing ``text`` (one shared stream)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    first_page = 5
    kids = " ".join(f"{first_page + n} 0 R" for n in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    )
    objects += [page] * count
    return pdf_from_objects(objects)
