"""Media choices stay inside the editor's own OPD, even for hand-posted ids."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.content.models import NewsPage

pytestmark = pytest.mark.django_db


def test_editor_cannot_attach_another_opds_image_by_id(opds, make_editor):
    """The chooser hides other OPDs' media; the form refuses a hand-posted id too."""
    image = get_image_model().objects.create(
        title="Foto BPBD",
        file=get_test_image_file(),
        collection=opds["bpbd"].collection,
    )
    editor = make_editor(opds["dinkes"], "dinkes.ed3")
    form_class = NewsPage.get_edit_handler().get_form_class()
    own = form_class(instance=NewsPage(), for_user=editor, parent_page=opds["dinkes"])
    assert image not in own.fields["hero_image"].queryset
    bpbd_editor = make_editor(opds["bpbd"], "bpbd.ed")
    other = form_class(
        instance=NewsPage(), for_user=bpbd_editor, parent_page=opds["bpbd"]
    )
    assert image in other.fields["hero_image"].queryset
