"""Report attachments: only real images and PDFs get in, and nothing identifying
(GPS, camera, names in metadata) leaves with them."""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from PIL import ExifTags, Image, PngImagePlugin
from pypdf import PdfWriter

from cms.complaints.uploads import MAX_BYTES, MAX_FILES, validate_uploads

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
    b'"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Budi Santoso"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type)


def refusals(files):
    with pytest.raises(ValidationError) as caught:
        validate_uploads(files)
    return caught.value.messages


def photo_exif(orientation=1):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Samsung"
    exif[ExifTags.Base.Model] = "Galaxy A15 milik Budi"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (6.0, 7.0, 12.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (106.0, 9.0, 3.25),
    }
    return exif


def image_bytes(fmt, size=(64, 48), mode="RGB", **save):
    out = io.BytesIO()
    Image.new(mode, size, "orange" if mode == "RGB" else 0).save(out, fmt, **save)
    return out.getvalue()


def noisy_jpeg():
    """Real scan data (a flat colour compresses into almost nothing)."""
    out = io.BytesIO()
    Image.effect_noise((256, 256), 64).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


def pdf_bytes(user_password=None, owner_password=None):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if user_password is not None:
        writer.encrypt(user_password, owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def assert_no_metadata(data):
    for marker in (b"Exif", b"Samsung", b"Galaxy", b"Budi", b"xmpmeta", b"GPS"):
        assert marker not in data, marker
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "xmp" not in image.info and "exif" not in image.info


def test_jpeg_photo_loses_gps_and_camera_but_stays_upright():
    source = image_bytes("JPEG", exif=photo_exif(orientation=6), xmp=XMP)
    with Image.open(io.BytesIO(source)) as original:  # the test photo is real
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    [clean] = validate_uploads([upload("IMG_2031.JPG", source)])
    assert clean.content_type == "image/jpeg"
    assert clean.name == "img_2031.jpg"
    assert_no_metadata(clean.data)
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.format == "JPEG"
        assert image.size == (48, 64)  # orientation 6 applied to the pixels


def test_png_text_chunks_and_exif_are_stripped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Budi Santoso")
    info.add_itxt("Comment", "Rumah Budi di Jl. Mawar 5", zip=True)
    source = image_bytes("PNG", pnginfo=info, exif=photo_exif())
    [clean] = validate_uploads([upload("jalan.png", source, "image/png")])
    assert clean.content_type == "image/png"
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf"):
        assert chunk not in clean.data
    assert_no_metadata(clean.data)
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.text == {}


def test_webp_is_accepted_and_cleaned():
    source = image_bytes("WEBP", exif=photo_exif(), xmp=XMP)
    [clean] = validate_uploads([upload("banjir.webp", source, "image/webp")])
    assert (clean.name, clean.content_type) == ("banjir.webp", "image/webp")
    assert_no_metadata(clean.data)


def test_animation_keeps_its_first_frame():
    frames = [Image.new("RGB", (32, 32), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    [clean] = validate_uploads([upload("anim.png", out.getvalue(), "image/png")])
    with Image.open(io.BytesIO(clean.data)) as image:
        assert getattr(image, "n_frames", 1) == 1
        assert image.convert("RGB").getpixel((0, 0)) == (255, 0, 0)


def test_pdf_is_kept_as_sent():
    source = pdf_bytes()
    [clean] = validate_uploads([upload("surat.pdf", source, "application/pdf")])
    assert (clean.name, clean.content_type) == ("surat.pdf", "application/pdf")
    assert clean.data == source
    assert len(clean.sha256) == 64


def test_pdf_needing_a_password_is_refused_but_owner_only_protection_is_not():
    [message] = refusals([upload("rekening.pdf", pdf_bytes(user_password="r4hasia"))])
    assert "rekening.pdf" in message and "kata sandi" in message
    owner_only = pdf_bytes(user_password="", owner_password="pemilik")
    [clean] = validate_uploads([upload("izin.pdf", owner_only)])
    assert clean.data == owner_only


def test_header_only_pdf_is_refused_as_damaged():
    fake = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"
    [message] = refusals([upload("surat.pdf", fake, "application/pdf")])
    assert "surat.pdf" in message and "rusak" in message


def test_html_renamed_jpg_is_refused_by_name():
    html = b"<!doctype html><script>fetch('/admin/')</script>"
    [message] = refusals([upload("foto.jpg", html)])
    assert "foto.jpg bukan gambar JPEG/PNG/WebP atau PDF" in message


def test_pdf_header_must_open_the_file():
    """Viewers tolerate junk before %PDF-; browsers would render this as HTML."""
    polyglot = b"<html><script>alert(1)</script>\n" + pdf_bytes()
    [message] = refusals([upload("surat.pdf", polyglot, "application/pdf")])
    assert "surat.pdf bukan gambar" in message


@pytest.mark.parametrize("name", ["peta.svg", "peta.png"])
def test_svg_is_refused(name):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    [message] = refusals([upload(name, svg, "image/svg+xml")])
    assert f"{name} bukan gambar" in message


def test_oversized_file_is_refused_naming_the_limit():
    big = b"\xff\xd8\xff" + b"\0" * MAX_BYTES
    [message] = refusals([upload("video.jpg", big)])
    assert "video.jpg" in message and "10 MB" in message


class Unreadable(UploadedFile):
    """Declares a size over the limit and must never be read."""

    def __init__(self, name, size):
        super().__init__(io.BytesIO(), name, "image/jpeg", size)

    def read(self, *args):
        raise AssertionError("an oversized file was read")


def test_oversized_declared_size_is_refused_unread():
    [message] = refusals([Unreadable("besar.jpg", MAX_BYTES + 1)])
    assert "besar.jpg" in message and "10 MB" in message


class CountingBytes(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.reads = []

    def read(self, size=-1):
        self.reads.append(size)
        return super().read(size)


def test_understated_size_still_reads_no_more_than_the_limit():
    content = CountingBytes(b"\xff\xd8\xff" + b"\0" * (3 * MAX_BYTES))
    liar = UploadedFile(content, "bohong.jpg", "image/jpeg", size=100)
    [message] = refusals([liar])
    assert "bohong.jpg" in message and "10 MB" in message
    assert content.reads == [MAX_BYTES + 1]


def test_more_than_max_files_is_refused():
    source = image_bytes("PNG")
    files = [upload(f"f{i}.png", source, "image/png") for i in range(MAX_FILES + 1)]
    [message] = refusals(files)
    assert f"Paling banyak {MAX_FILES} berkas" in message
    assert len(validate_uploads(files[:MAX_FILES])) == MAX_FILES


def test_truncated_jpeg_is_refused():
    source = noisy_jpeg()
    [message] = refusals([upload("potong.jpg", source[: len(source) // 2])])
    assert "potong.jpg" in message and "rusak" in message


def forged_png(width, height):
    """A tiny PNG whose header claims a huge picture."""
    header = (
        width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    )

    def chunk(kind, body):
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + crc

    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(lambda: forged_png(30000, 30000), id="forged-900MP"),
        pytest.param(lambda: image_bytes("PNG", (8000, 6000), "1"), id="real-48MP"),
    ],
)
def test_decompression_bomb_is_refused(source):
    [message] = refusals([upload("bom.png", source(), "image/png")])
    assert "bom.png" in message and "40 megapiksel" in message


def test_big_phone_jpeg_is_decoded_at_reduced_scale():
    """A 48 MP photo is over the pixel cap; JPEG decodes at half scale instead."""
    source = image_bytes("JPEG", (8000, 6000), "L")
    [clean] = validate_uploads([upload("48mp.jpg", source)])
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.size == (4000, 3000)


def test_names_lose_folders_and_get_the_sniffed_extension():
    png = image_bytes("PNG")
    cleaned = validate_uploads(
        [
            upload("../../etc/Foto Jalan Rusak!.JPEG", png, "image/png"),
            upload("C:\\Users\\budi\\.htaccess", png, "image/png"),
            upload("Jalan berlubang di Cilegon.pdf.png", pdf_bytes(), "image/png"),
        ]
    )
    assert [c.name for c in cleaned] == [
        "foto-jalan-rusak.png",
        "lampiran.png",
        "jalan-berlubang-di-cilegon-pdf.pdf",
    ]
    assert [c.content_type for c in cleaned] == [
        "image/png",
        "image/png",
        "application/pdf",
    ]


def test_every_refused_file_gets_its_own_message():
    messages = refusals(
        [
            upload("baik.png", image_bytes("PNG"), "image/png"),
            upload("satu.jpg", b"<html>"),
            upload("dua.pdf", b"%PDF-1.7 rusak"),
            upload("kosong.jpg", b""),
        ]
    )
    assert len(messages) == 3
    assert [m.split()[1] for m in messages] == ["satu.jpg", "dua.pdf", "kosong.jpg"]
