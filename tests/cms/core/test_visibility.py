"""The visibility module: private collections are inherited down the tree, and a
``PublicView`` reads each set of rows once however many checks it answers."""

from types import SimpleNamespace

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from cms.core.visibility import (
    PublicView,
    document_is_public,
    private_collection_ids,
    public_view,
    withheld_document_ids,
)
from tests.factories import DocumentFactory, ImageFactory

from .scenario import shared_document

pytestmark = pytest.mark.django_db


def test_a_restricted_collection_makes_everything_below_it_private(opds):
    opd = opds["dinkes"]
    below = opd.collection.add_child(instance=Collection(name="Arsip"))
    CollectionViewRestriction.objects.create(
        collection=opd.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = set(private_collection_ids())
    assert {opd.collection.pk, below.pk} <= private
    assert Collection.get_first_root_node().pk not in private
    assert opds["bpbd"].collection.pk not in private
    image = ImageFactory(collection=below)
    assert not PublicView().image_is_public(image)
    assert not document_is_public(DocumentFactory(collection=below))


def test_withheld_documents_by_id(opds):
    case = shared_document(opds["dinkes"])
    assert withheld_document_ids() == {case.shared.pk}
    assert withheld_document_ids([case.open.pk]) == set()
    assert withheld_document_ids([]) == set()
    assert not document_is_public(case.shared)
    assert document_is_public(case.open)


def test_a_public_view_reads_its_rows_once(opds, django_assert_num_queries):
    case = shared_document(opds["dinkes"])
    images = [ImageFactory() for _ in range(3)]
    view = PublicView()
    with django_assert_num_queries(3):  # collections; links and drafts of entries
        for _ in range(2):
            assert all(view.image_is_public(image) for image in images)
            assert view.document_is_public(case.open)
            assert not view.document_is_public(case.shared)
    with django_assert_num_queries(0):
        assert view.media_is_public(case.open) and view.media_is_public(images[0])


def test_one_view_per_request_or_batch():
    request, context = SimpleNamespace(), {}
    assert public_view(request) is public_view(request)
    assert public_view(context) is public_view(context)
    assert public_view(request) is not public_view(context)
    assert public_view() is not public_view()
