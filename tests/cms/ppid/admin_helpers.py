"""Requests and PPID people for the admin tests: requests filed through
``services.request_submit`` as the portal does, and real users in the groups of
``cms.ppid.access``."""

import io
import itertools

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from cms.ppid import access, services
from cms.ppid.models import InformationRequest
from tests.factories import picture_bytes

_serial = itertools.count(1)

REQUESTER = {
    "requester_kind": "perorangan",
    "requester_name": "Budi Rahasiawan",
    "identity_number": "3601234567890123",
    "email": "budi.rahasia@example.org",
    "phone": "081299887766",
    "address": "Jl. Veteran 1, Serang",
    "purpose": "Bahan penelitian skripsi kesehatan masyarakat.",
    "obtain_method": "salinan_elektronik",
    "delivery_method": "email",
}
SECRETS = ("Budi Rahasiawan", "3601234567890123", "budi.rahasia@", "081299887766")


def file_request(opd=None, text=None, **fields) -> InformationRequest:
    """A request to ``opd``'s PPID Pelaksana (None: the PPID Utama); the
    requester's token is kept on ``.token``."""
    n = next(_serial)
    text = text or f"Salinan laporan realisasi anggaran program nomor {n} tahun 2025."
    data = {**REQUESTER, "information_requested": text, "addressed_opd": opd, **fields}
    info, token = services.request_submit(data=data, source="portal")
    info.token = token
    return info


def member(group, name=None):
    name = name or f"ppid.{next(_serial)}"
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@bantenprov.go.id", password="x"
    )
    user.groups.add(group)
    return user


def utama(name=None):
    return member(access.utama_group_ensure(), name)


def pelaksana(opd, name=None):
    return member(access.pelaksana_group_ensure(opd), name)


def atasan(name=None):
    return member(access.atasan_group_ensure(), name)


def pdf_upload(name="jawaban.pdf"):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), "application/pdf")


def png_upload(name="tabel.png"):
    return SimpleUploadedFile(name, picture_bytes(40, 30, (10, 90, 160)), "image/png")


def detail(info):
    return reverse("ppid_admin:detail", args=[info.pk])


def action(info, slug):
    return reverse("ppid_admin:action", args=[info.pk, slug])


def html(response) -> str:
    return response.content.decode()


def refused(response) -> bool:
    """Wagtail's answer to a permission refusal: back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def messages_of(response) -> list[str]:
    return [str(m).strip() for m in response.context["messages"]]
