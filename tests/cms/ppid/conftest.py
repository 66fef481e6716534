"""Fixtures for the PPID domain tests: a movable clock, PPID people in the real
groups, requests filed through ``services.request_submit`` and clean uploads."""

import io
import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from cms.complaints.uploads import validate_uploads
from cms.ppid import access, clock, services

JAKARTA = ZoneInfo("Asia/Jakarta")
NIK = "3604011501900001"
_serial = itertools.count(1)


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_file(name="dokumen.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), "application/pdf")


def request_data(**overrides) -> dict:
    n = next(_serial)
    data = {
        "requester_kind": "perorangan",
        "requester_name": "Ahmad Pemohon",
        "identity_number": NIK,
        "email": f"pemohon{n}@example.org",
        "phone": "0812 3456 7890",
        "address": "Jl. Ahmad Yani 10, Serang",
        "information_requested": f"Salinan kontrak pengadaan ambulans nomor {n} 2026.",
        "purpose": "Pengawasan anggaran oleh warga.",
        "obtain_method": "salinan_elektronik",
        "delivery_method": "email",
        "addressed_opd": None,
    }
    data.update(overrides)
    return data


def _member(group):
    name = f"ppid.{next(_serial)}"
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@bantenprov.go.id", password="x"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def clock_at(monkeypatch):
    """``clock_at(2026, 3, 19)``: the PPID services see this Jakarta time."""

    def move(year, month, day, hour=10):
        when = datetime(year, month, day, hour, tzinfo=JAKARTA)
        monkeypatch.setattr(clock, "now", lambda: when)
        return when

    return move


@pytest.fixture
def people(opds):
    """PPID Utama, the Atasan PPID and the PPID Pelaksana of two OPDs."""
    return {
        "utama": _member(access.utama_group_ensure()),
        "atasan": _member(access.atasan_group_ensure()),
        "dinkes": _member(access.pelaksana_group_ensure(opds["dinkes"])),
        "bpbd": _member(access.pelaksana_group_ensure(opds["bpbd"])),
    }


@pytest.fixture
def file_request(db):
    """``file_request(**fields)`` -> the request, its token on ``.token``."""

    def make(identity_upload=None, source="portal", **overrides):
        request, token = services.request_submit(
            data=request_data(**overrides),
            identity_upload=identity_upload,
            source=source,
        )
        request.token = token
        return request

    return make


@pytest.fixture
def pdf_upload():
    def make(name="jawaban.pdf"):
        return validate_uploads([pdf_file(name)])[0]

    return make
