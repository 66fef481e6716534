"""Per-OPD isolation: each OPD's people see and change only their own OPD's pages and
media; the province communication team works across all of them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import CollectionViewRestriction, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.content.models import NewsPage
from cms.dip.models import DIPIndexPage
from cms.opd.access import PROVINCE_GROUP
from cms.opd.models import OPDPage
from cms.workflow.models import OPDReviewTask, ProvinceCurationTask
from tests.factories import DocumentFactory, ImageFactory, UserFactory, add_item

from .admin_forms import add_url, content_form, create_via_admin, edit_url, is_refused
from .revisions import latest_title, reload

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(opds):
    return {
        "a": add_item(opds["diskominfo"], "Rilis milik Diskominfo"),
        "b": add_item(opds["dinkes"], "Rilis milik Dinkes"),
    }


@pytest.fixture
def media(opds):
    a, b = opds["diskominfo"], opds["dinkes"]
    return {
        "image_a": ImageFactory(
            collection=a.collection,
            title="Foto kegiatan Diskominfo",
            width=32,
            height=24,
            colour="white",
        ),
        "image_b": ImageFactory(
            collection=b.collection,
            title="Foto posyandu Dinkes",
            width=32,
            height=24,
            colour="white",
        ),
        "doc_a": DocumentFactory(collection=a.collection, title="Laporan Diskominfo"),
        "doc_b": DocumentFactory(collection=b.collection, title="Laporan Dinkes"),
    }


def test_a_new_opd_gets_its_groups_collections_workflow_and_dip(opds):
    slugs = ["diskominfo", "dinkes", "bpbd"]
    fresh = {s: OPDPage.objects.get(pk=opds[s].pk) for s in slugs}
    for slug, opd in fresh.items():
        assert opd.editor_group.name == f"{slug}: Editor"
        assert opd.reviewer_group.name == f"{slug}: Reviewer"
        assert opd.collection.name == opd.title
        assert opd.exempt_collection.get_parent() == opd.collection
        restriction = CollectionViewRestriction.objects.get(
            collection=opd.exempt_collection
        )
        assert set(restriction.groups.all()) == {
            opd.editor_group,
            opd.reviewer_group,
            Group.objects.get(name=PROVINCE_GROUP),
        }
        workflow = opd.get_workflow()
        assert workflow.name == f"redaksi {opd.short_name}"
        tasks = [task.specific for task in workflow.tasks]
        assert isinstance(tasks[0], OPDReviewTask)
        assert list(tasks[0].groups.all()) == [opd.reviewer_group]
        assert isinstance(tasks[1], ProvinceCurationTask)
        assert DIPIndexPage.objects.child_of(opd).count() == 1
    # Nothing is shared between two OPDs.
    assert len({o.editor_group_id for o in fresh.values()}) == 3
    assert len({o.collection_id for o in fresh.values()}) == 3
    assert len({o.get_workflow().pk for o in fresh.values()}) == 3


def test_an_opd_created_in_the_admin_is_ready_for_its_editors(client, home):
    admin = UserFactory(superuser=True, username="sysadmin")
    client.force_login(admin)
    data = nested_form_data(
        {
            "title": "Dinas Sosial",
            "slug": "dinsos",
            "short_name": "Dinsos",
            "kind": "dinas",
            "leaders": inline_formset([]),
            "social_links": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = client.post(add_url(OPDPage, home), data)
    assert response.status_code == 302
    dinsos = OPDPage.objects.get(slug="dinsos")
    assert dinsos.live and dinsos.editor_group.name == "dinsos: Editor"
    assert DIPIndexPage.objects.child_of(dinsos).exists()

    # Its editor can work in it right away, and only there.
    client.force_login(UserFactory(opd=dinsos, role="editor"))
    page = create_via_admin(client, NewsPage, dinsos, "Bansos cair", action="submit")
    assert page.opd_id == dinsos.pk
    assert reload(page).current_workflow_task.name == "tinjauan redaksi Dinsos"


def test_an_item_follows_the_workflow_of_its_opd(opds):
    item = add_item(opds["dinkes"], "Rilis posyandu", live=False)
    assert item.get_workflow().name == "redaksi DINKES"
    assert item.opd_id == opds["dinkes"].pk


def test_editor_edits_own_items_but_not_another_opds(client, opds, items):
    client.force_login(UserFactory(opd=opds["diskominfo"], role="editor"))
    assert client.get(edit_url(items["a"])).status_code == 200
    assert is_refused(client.get(edit_url(items["b"])))

    response = client.post(
        edit_url(items["b"]), content_form("Dibajak", slug=items["b"].slug)
    )
    assert is_refused(response)
    assert latest_title(items["b"]) == "Rilis milik Dinkes"
    # Nor may they read B's drafts, history or workflow through the side doors.
    for view in ("view_draft", "preview_on_edit", "history", "workflow_history"):
        url = reverse(f"wagtailadmin_pages:{view}", args=[items["b"].pk])
        assert is_refused(client.get(url)), view


def test_editor_cannot_create_pages_under_another_opd(client, opds):
    client.force_login(UserFactory(opd=opds["diskominfo"], role="editor"))
    dinkes = opds["dinkes"]
    assert is_refused(client.get(add_url(NewsPage, dinkes)))
    response = client.post(add_url(NewsPage, dinkes), content_form("Titipan"))
    assert is_refused(response)
    assert not Page.objects.filter(slug="titipan").exists()
    # ...while creating under their own OPD works.
    response = client.post(
        add_url(NewsPage, opds["diskominfo"]), content_form("Milik sendiri")
    )
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="milik-sendiri").opd_id == opds["diskominfo"].pk


def test_editor_publishes_nothing_directly(client, opds):
    a_item = add_item(opds["diskominfo"], "Draf Diskominfo", live=False)
    b_item = add_item(opds["dinkes"], "Draf Dinkes", live=False)
    client.force_login(UserFactory(opd=opds["diskominfo"], role="editor"))

    data = content_form("Draf Dinkes", slug=b_item.slug)
    data["action-publish"] = "1"
    assert is_refused(client.post(edit_url(b_item), data))
    assert not reload(b_item).live

    # On their own item the publish button is not honoured either: it stays a draft.
    data = content_form("Draf Diskominfo", slug=a_item.slug)
    data["action-publish"] = "1"
    assert client.post(edit_url(a_item), data).status_code == 302
    assert not reload(a_item).live
    assert reload(a_item).has_unpublished_changes


def test_explorer_shows_only_the_editors_own_opd(client, home, opds, items):
    a, b = opds["diskominfo"], opds["dinkes"]
    client.force_login(UserFactory(opd=a, role="editor"))
    own = reverse("wagtailadmin_explore", args=[a.pk])

    for elsewhere in (b.pk, home.pk):
        response = client.get(reverse("wagtailadmin_explore", args=[elsewhere]))
        assert response.status_code == 302 and response.url == own
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302 and response.url == own

    html = client.get(own).content.decode()
    assert "Rilis milik Diskominfo" in html
    assert "Rilis milik Dinkes" not in html
    assert edit_url(items["b"]) not in html

    search = reverse("wagtailadmin_pages:search") + "?q=Rilis"
    html = client.get(search).content.decode()
    assert "Rilis milik Diskominfo" in html and "Rilis milik Dinkes" not in html


def _chooser(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.json()["html"]


def test_choosers_offer_only_the_opds_own_media(client, opds, media):
    client.force_login(UserFactory(opd=opds["diskominfo"], role="editor"))
    images = _chooser(client, "wagtailimages_chooser:choose")
    assert "Foto kegiatan Diskominfo" in images
    assert "Foto posyandu Dinkes" not in images
    documents = _chooser(client, "wagtaildocs_chooser:choose")
    assert "Laporan Diskominfo" in documents
    assert "Laporan Dinkes" not in documents

    chosen = reverse("wagtailimages_chooser:chosen", args=[media["image_b"].pk])
    assert is_refused(client.get(chosen))  # and picking B's image by its id fails


def test_province_team_works_across_opds(client, opds, items, media):
    client.force_login(UserFactory(role="province"))
    for item in items.values():
        assert client.get(edit_url(item)).status_code == 200
    response = client.post(
        edit_url(items["b"]),
        content_form("Rilis Dinkes disunting provinsi", slug=items["b"].slug),
    )
    assert response.status_code == 302
    assert latest_title(items["b"]) == "Rilis Dinkes disunting provinsi"

    images = _chooser(client, "wagtailimages_chooser:choose")
    assert "Foto kegiatan Diskominfo" in images and "Foto posyandu Dinkes" in images
    documents = _chooser(client, "wagtaildocs_chooser:choose")
    assert "Laporan Diskominfo" in documents and "Laporan Dinkes" in documents
