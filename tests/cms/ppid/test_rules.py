"""The request rules every door shares (``rules.request_errors``)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.ppid import services
from cms.ppid.models import IdentityDocument
from cms.ppid.rules import request_errors
from tests.factories import picture_bytes

from .conftest import pdf_file, request_data

pytestmark = pytest.mark.django_db


def test_a_complete_request_passes(opds):
    assert request_errors(request_data()) == {}
    assert request_errors(request_data(addressed_opd=opds["dinkes"].pk)) == {}
    assert request_errors(request_data(identity_number="3604 0115 0190 0001")) == {}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"identity_number": "12345"}, "identity_number"),
        ({"identity_number": "36040115019000AB"}, "identity_number"),
        ({"requester_kind": "kelompok", "identity_number": ""}, "identity_number"),
        ({"requester_kind": "warga"}, "requester_kind"),
        ({"requester_name": " "}, "requester_name"),
        ({"email": "", "phone": "", "delivery_method": "pos"}, "email"),
        ({"email": "bukan-surel"}, "email"),
        ({"phone": "12"}, "phone"),
        ({"email": "", "delivery_method": "email"}, "email"),
        ({"address": "", "delivery_method": "pos"}, "address"),
        ({"information_requested": "Data apa saja."}, "information_requested"),
        ({"information_requested": "x" * 3001}, "information_requested"),
        ({"purpose": "Riset"}, "purpose"),
        ({"obtain_method": "mencuri"}, "obtain_method"),
        ({"delivery_method": "merpati"}, "delivery_method"),
        ({"addressed_opd": 999999}, "addressed_opd"),
        ({"addressed_opd": "dinkes"}, "addressed_opd"),
    ],
)
def test_broken_rules_are_named_by_field(overrides, field):
    assert field in request_errors(request_data(**overrides))
    with pytest.raises(ValidationError) as error:
        services.request_submit(data=request_data(**overrides), source="api")
    assert field in error.value.message_dict


def test_a_badan_hukum_needs_its_deed_number_and_a_pdf(file_request):
    data = request_data(requester_kind="badan_hukum", identity_number="AHU-0012345")
    assert "identity_upload" in request_errors(data)
    photo = SimpleUploadedFile("akta.png", picture_bytes(20, 20, (1, 2, 3)))
    assert "identity_upload" in request_errors(data, photo)
    fake = SimpleUploadedFile("akta.pdf", b"<html>not a pdf</html>")
    assert "identity_upload" in request_errors(data, fake)
    assert "identity_number" in request_errors({**data, "identity_number": "1"})
    assert request_errors(data, pdf_file("akta.pdf")) == {}
    request = file_request(
        requester_kind="badan_hukum",
        identity_number="AHU-0012345.AH.01.04.Tahun 2020",
        identity_upload=pdf_file("Akta Pendirian.pdf"),
    )
    (document,) = IdentityDocument.objects.filter(request=request)
    assert document.content_type == "application/pdf"
    assert document.name == "akta-pendirian.pdf"
    assert not request.documents.exists()  # never among the answer documents


def test_the_nik_is_stored_without_separators(file_request):
    request = file_request(identity_number="3604.0115.0190.0001")
    assert request.identity_number == "3604011501900001"
