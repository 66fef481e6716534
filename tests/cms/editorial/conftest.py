"""Fixtures for the editorial suite: people of each OPD, media in their collections.

Every test acts through Wagtail's real admin views with Django's test client, the way an
editor or reviewer would, against the real PostgreSQL and S3 servers.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.opd.access import PROVINCE_GROUP

_serial = itertools.count(1)


@pytest.fixture
def make_user(db):
    """``make_user(opd, "editor" | "reviewer")`` or ``make_user(None, "province")``."""

    def make(opd, role, *, email=None):
        name = f"{opd.slug if opd else 'provinsi'}.{role}.{next(_serial)}"
        user = get_user_model().objects.create_user(
            name, email=email or f"{name}@bantenprov.go.id", password="x"
        )
        if role == "editor":
            user.groups.add(opd.editor_group)
        elif role == "reviewer":
            user.groups.add(opd.reviewer_group)
        elif role == "province":
            user.groups.add(Group.objects.get(name=PROVINCE_GROUP))
        else:
            raise ValueError(role)
        return user

    return make


@pytest.fixture
def make_image(db):
    def make(collection, title):
        return get_image_model().objects.create(
            title=title,
            file=get_test_image_file(filename=f"img{next(_serial)}.png", size=(32, 24)),
            collection=collection,
        )

    return make


@pytest.fixture
def make_document(db):
    def make(collection, title, *, extension="pdf", content=b"%PDF-1.4 uji\n"):
        return get_document_model().objects.create(
            title=title,
            file=ContentFile(content, name=f"dok{next(_serial)}.{extension}"),
            collection=collection,
        )

    return make
