"""Information requests for the PPID page and API tests: form data as a
citizen types it, a small PDF, PPID officers in the real groups, and decisions
through the services (as the admin would)."""

import io
import itertools
import uuid

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from cms.complaints.uploads import validate_uploads
from cms.ppid import access, services

_serial = itertools.count(1)

NAME = "Siti Rahasiawati"
NIK = "3601987654321098"
PHONE = "081377665544"
ADDRESS = "Jl. Rahasia Nomor 9, Kasemen"


def request_data(**overrides) -> dict:
    """What a citizen fills in (portal field names = model field names)."""
    data = {
        "requester_kind": "perorangan",
        "requester_name": NAME,
        "identity_number": NIK,
        "email": f"siti-{uuid.uuid4().hex[:8]}@example.org",
        "phone": PHONE,
        "address": ADDRESS,
        "addressed_opd": "",
        "information_requested": "Salinan dokumen anggaran program imunisasi 2025.",
        "purpose": "Bahan penelitian kesehatan masyarakat.",
        "obtain_method": "salinan_elektronik",
        "delivery_method": "email",
        "consent": "on",
        "situs_web": "",
    }
    data.update(overrides)
    return data


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_file(name="akta.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def utama():
    name = f"ppid.utama.{next(_serial)}"
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@bantenprov.go.id", password="x"
    )
    user.groups.add(access.utama_group_ensure())
    return user


def grant_with_document(info_request, name="jawaban.pdf"):
    """PPID Utama grants the request and attaches the answer document."""
    officer = utama()
    services.request_decide(
        request=info_request,
        decision="diberikan_seluruhnya",
        text="Informasi kami berikan seluruhnya, terlampir.",
        user=officer,
    )
    upload = validate_uploads([pdf_file(name)])[0]
    return services.document_add(request=info_request, upload=upload, user=officer)


def refuse(info_request):
    services.request_decide(
        request=info_request,
        decision="ditolak",
        text="Informasi termasuk yang dikecualikan.",
        user=utama(),
        exemption_article="Pasal 17 huruf h UU 14/2008",
        consequence_test="Membuka data pribadi pasien merugikan hak privasi.",
    )
