"""The visibility module: private collections are inherited down the tree, and a
``PublicView`` reads each set of rows once however many checks it answers."""

from types import SimpleNamespace

import pytest
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.content.models import ContentPage
from cms.core.visibility import (
    PublicView,
    document_is_public,
    only_public,
    only_public_for_search,
    private_collection_ids,
    public_view,
    withheld_document_ids,
)
from tests.factories import DocumentFactory, ImageFactory, add_item
from tests.factories.pages import make_private

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


def test_the_rule_reads_view_restrictions_inside_its_query(
    opds, django_assert_num_queries
):
    """Private pages and what is below them are out, in one query: the restrictions
    are a subquery, not a query of their own on each call. The form for search
    backends (Wagtail's ``.public()``) leaves out the same pages."""
    opd = opds["dinkes"]
    private = add_item(opd, "Rahasia")
    below = add_item(private, "Di bawah rahasia")
    draft = add_item(opd, "Draf", live=False)
    shown = add_item(opd, "Terbuka")
    make_private(private)
    make_private(opds["bpbd"])
    with django_assert_num_queries(1):
        public = set(only_public(Page.objects.all()).values_list("pk", flat=True))
    assert shown.pk in public and opd.pk in public
    hidden = {private.pk, below.pk, draft.pk, opds["bpbd"].pk}
    assert not hidden & public
    for pages in (Page.objects.all(), ContentPage.objects.all()):
        same = only_public_for_search(pages).values_list("pk", flat=True)
        assert set(only_public(pages).values_list("pk", flat=True)) == set(same)
