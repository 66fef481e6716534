"""Attachments are stored where nobody can fetch them without permission: a
private S3 object reached only by a short signed URL, or a folder outside
MEDIA_ROOT with no URL at all."""

import io
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.complaints.uploads import private_storage, validate_uploads

PUBLIC_GROUPS = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def a_clean_photo():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(out, "JPEG")
    file = SimpleUploadedFile("jalan rusak.jpg", out.getvalue(), "image/jpeg")
    [clean] = validate_uploads([file])
    return clean


def test_s3_object_is_private_and_reachable_only_signed():
    storage = private_storage()
    assert type(storage).__name__ == "S3Storage"
    clean = a_clean_photo()
    name = storage.save(f"uji/{clean.name}", clean.content_file())
    try:
        key = f"private/complaints/{name}"
        s3 = storage.connection.meta.client  # the storage's own boto3 client
        bucket = storage.bucket_name
        assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == clean.data
        grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        assert not {g["Grantee"].get("URI") for g in grants} & PUBLIC_GROUPS

        signed = storage.url(name)
        query = parse_qs(urlsplit(signed).query)
        assert query["X-Amz-Expires"] == ["300"] and "X-Amz-Signature" in query
        assert http_status(signed) == (200, clean.data)
        # The same address without its signature is refused (moto enforces ACLs).
        assert http_status(signed.split("?", 1)[0])[0] == 403
    finally:
        storage.delete(name)


def test_local_disk_storage_lies_outside_media_and_has_no_url(settings, tmp_path):
    settings.AWS_STORAGE_BUCKET_NAME = ""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.COMPLAINTS_PRIVATE_ROOT = str(tmp_path / "private")
    storage = private_storage()
    name = storage.save("foto.jpg", ContentFile(b"isi"))
    assert (tmp_path / "private" / name).read_bytes() == b"isi"
    assert storage.open(name).read() == b"isi"
    with pytest.raises(NotImplementedError):
        storage.url(name)


def test_private_root_inside_media_root_is_refused(settings, tmp_path):
    settings.AWS_STORAGE_BUCKET_NAME = ""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.COMPLAINTS_PRIVATE_ROOT = str(tmp_path / "private")
    with pytest.raises(ImproperlyConfigured):
        private_storage()
