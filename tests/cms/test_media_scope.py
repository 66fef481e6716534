"""Media choices stay inside the editor's own OPD, even for hand-posted ids."""

import pytest

from cms.content.models import NewsPage
from tests.factories import ImageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_editor_cannot_attach_another_opds_image_by_id(opds):
    """The chooser hides other OPDs' media; the form refuses a hand-posted id too."""
    image = ImageFactory(
        title="Foto BPBD",
        collection=opds["bpbd"].collection,
        width=640,
        height=480,
        colour="white",
    )
    editor = UserFactory(opd=opds["dinkes"], role="editor", username="dinkes.ed3")
    form_class = NewsPage.get_edit_handler().get_form_class()
    own = form_class(instance=NewsPage(), for_user=editor, parent_page=opds["dinkes"])
    assert image not in own.fields["hero_image"].queryset
    bpbd_editor = UserFactory(opd=opds["bpbd"], role="editor", username="bpbd.ed")
    other = form_class(
        instance=NewsPage(), for_user=bpbd_editor, parent_page=opds["bpbd"]
    )
    assert image in other.fields["hero_image"].queryset
