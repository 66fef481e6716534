""" "Buat konten" on the dashboard: the editor's OPD is implied, one click opens the
form of the chosen type with a paragraph block ready to type into."""

import pytest
from django.urls import reverse

from cms.content.models import CONTENT_TYPES, FollowUpPage, NewsPage, PodcastPage
from tests.cms.editorial.admin_forms import add_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HAND_MADE = [model for model in CONTENT_TYPES.values() if model is not FollowUpPage]


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_gets_every_type_under_their_own_opd_only(client, opds):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    html = _dashboard(client, UserFactory(opd=dinkes, role="editor"))

    assert "Buat konten" in html
    for model in HAND_MADE:
        assert add_url(model, dinkes) in html
        assert add_url(model, bpbd) not in html
    # Follow-ups come only from the complaints verification team.
    assert add_url(FollowUpPage, dinkes) not in html
    # One OPD: no choice to make, no OPD chooser step.
    assert "/admin/pages/create/" not in html


def test_every_link_opens_a_form_the_editor_may_fill(client, opds):
    dinkes = opds["dinkes"]
    client.force_login(UserFactory(opd=dinkes, role="editor"))
    for model in HAND_MADE:
        assert client.get(add_url(model, dinkes)).status_code == 200, model


def test_a_new_news_item_opens_with_one_paragraph_block(client, opds):
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    response = client.get(add_url(NewsPage, opds["dinkes"]))

    body = response.context["form"]["body"].value()
    assert [block.block_type for block in body] == ["paragraph"]
    assert body[0].value.source == ""


def test_types_without_a_body_text_open_empty(client, opds):
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    response = client.get(add_url(PodcastPage, opds["dinkes"]))
    assert "body" not in response.context["form"].fields


def test_an_editor_of_two_opds_chooses_by_opd(client, opds):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    editor = UserFactory(groups=[dinkes.editor_group, bpbd.editor_group])
    html = _dashboard(client, editor)

    assert dinkes.title in html and bpbd.title in html
    for model in HAND_MADE:
        assert add_url(model, dinkes) in html and add_url(model, bpbd) in html
    assert add_url(NewsPage, opds["diskominfo"]) not in html


def test_the_province_team_picks_the_opd_then_the_type(client, opds):
    html = _dashboard(client, UserFactory(role="province"))

    choose = reverse("wagtailadmin_pages:choose_parent", args=["content", "newspage"])
    assert choose in html
    for opd in opds.values():
        assert f'<option value="{opd.pk}">{opd.title}</option>' in html
    assert add_url(NewsPage, opds["dinkes"]) not in html
    # The chosen OPD goes through Wagtail's check, then on to the form.
    response = client.post(choose, {"parent_page": opds["dinkes"].pk})
    assert response.status_code == 302
    assert response.url == add_url(NewsPage, opds["dinkes"])


def test_no_panel_for_who_may_add_nothing(client, opds):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Hanya dasbor")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    html = _dashboard(client, UserFactory(groups=[group]))
    assert "Buat konten" not in html
