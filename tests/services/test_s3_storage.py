"""Documents uploaded through Wagtail land on the S3-compatible server."""

import os

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def test_default_storage_is_s3():
    from storages.backends.s3 import S3Storage

    assert isinstance(storages["default"], S3Storage)


def test_document_upload_through_wagtail_is_readable_from_s3(admin_client):
    payload = b"%PDF-1.4\n% Laporan kinerja Diskominfo 2026\n%%EOF\n"
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Laporan Kinerja 2026",
            "file": SimpleUploadedFile(
                "laporan-kinerja.pdf", payload, "application/pdf"
            ),
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.content[:500]
    document = get_document_model().objects.get(title="Laporan Kinerja 2026")

    s3 = boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
        region_name=os.environ.get("AWS_S3_REGION_NAME", "us-east-1"),
    )
    stored = s3.get_object(
        Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"], Key=document.file.name
    )
    assert stored["Body"].read() == payload
