"""The text of a document an exempted DIP entry withholds is not indexed with a
public entry that links it too: neither by the builder nor in the real index."""

import pytest

from cms.dip.models import DIPEntryPage
from search.indexing.builders import BuildContext, build_document
from tests.cms.core.scenario import shared_document

from .helpers import drain, indexed, pdf_bytes, search_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(opds):
    return shared_document(
        opds["dinkes"], shared_content=pdf_bytes("Denah gudang senjata")
    )


def test_the_builder_leaves_the_withheld_text_out(case):
    entry = DIPEntryPage.objects.prefetch_related("documents__document").get(
        pk=case.entry.pk
    )
    document = build_document(entry, BuildContext())
    assert "gudang" not in document["attachments"]
    assert "Lampiran" not in str(document)


def test_the_index_does_not_find_it(case):
    drain()
    assert indexed(case.entry) is not None
    assert "gudang" not in indexed(case.entry)["attachments"]
    assert indexed(case.exempted) is None
    assert not search_keys("attachments", "gudang")
