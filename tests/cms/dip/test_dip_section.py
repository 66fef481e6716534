"""One DIP section per OPD: an OPD that has one is not offered a second."""

import pytest
from django.urls import reverse

from cms.dip.models import DIPIndexPage
from tests.cms.editorial.admin_forms import add_url, is_refused
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _offered_types(client, opd) -> set[str]:
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[opd.pk]))
    assert response.status_code == 200
    return {model_name for _, _, model_name, _ in response.context["page_types"]}


def test_an_opd_with_a_dip_section_is_not_offered_a_second(client, opds):
    dinkes = opds["dinkes"]
    client.force_login(UserFactory(opd=dinkes, role="reviewer"))

    offered = _offered_types(client, dinkes)
    assert "dipindexpage" not in offered
    assert "newspage" in offered
    assert is_refused(client.get(add_url(DIPIndexPage, dinkes)))


def test_an_opd_without_one_may_add_it(client, opds):
    dinkes = opds["dinkes"]
    DIPIndexPage.objects.child_of(dinkes).get().delete()
    client.force_login(UserFactory(opd=dinkes, role="reviewer"))

    assert "dipindexpage" in _offered_types(client, dinkes)
    assert client.get(add_url(DIPIndexPage, dinkes)).status_code == 200
