"""The follow-up ("tindak lanjut") in the admin: the verification team publishes
and withdraws it from the report's page; liaisons see no such buttons; an OPD
editor, who owns the OPD's page subtree, cannot change the approved text."""

import pytest
from django.urls import reverse

from cms.content.models import FollowUpPage
from tests.factories import UserFactory, add_item
from tests.factories.complaints import liaison_of, verifier
from tests.factories.followups import publish_followup, resolved_report

pytestmark = pytest.mark.django_db

CHECKED = "Saya sudah memeriksa"


def detail(report):
    return reverse("complaints_admin:detail", args=[report.pk])


def publish_url(report):
    return reverse("complaints_admin:followup", args=[report.pk])


def refused(response) -> bool:
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_verifier_publishes_from_the_report_page(client, opds):
    report = resolved_report(opds["dinkes"])
    client.force_login(verifier())
    page = client.get(detail(report)).content.decode()
    assert "Terbitkan tindak lanjut" in page and publish_url(report) in page

    form = client.get(publish_url(report))
    html = form.content.decode()
    assert CHECKED in html and "[disamarkan]" in html
    assert "siti.rahma@example.org" not in html
    draft = form.context["form"].initial
    data = {"title": draft["title"], "summary": draft["summary"], "text": draft["text"]}

    unchecked = client.post(publish_url(report), data)
    assert unchecked.status_code == 400
    assert not FollowUpPage.objects.exists()

    leaking = client.post(
        publish_url(report),
        {**data, "text": "Hubungi 0812 3456 7890.", "checked": "on"},
    )
    assert leaking.status_code == 400
    assert "telepon pelapor" in leaking.content.decode()
    assert not FollowUpPage.objects.exists()

    done = client.post(publish_url(report), {**data, "checked": "on"})
    assert done.status_code == 302 and done.url == detail(report)
    followup = FollowUpPage.objects.get(report=report)
    assert followup.live and followup.title == draft["title"]
    page = client.get(detail(report)).content.decode()
    assert followup.get_url() in page and "Tarik dari publikasi" in page

    withdraw = reverse("complaints_admin:followup_withdraw", args=[report.pk])
    assert client.post(withdraw).status_code == 302
    followup.refresh_from_db()
    assert not followup.live


def test_liaisons_cannot_publish(client, opds):
    report = resolved_report(opds["dinkes"])
    client.force_login(liaison_of(opds["dinkes"]))
    page = client.get(detail(report)).content.decode()
    assert "Terbitkan tindak lanjut" not in page
    assert refused(client.get(publish_url(report)))
    assert refused(client.post(publish_url(report), {"title": "x", "text": "y"}))
    assert not FollowUpPage.objects.exists()


def edit_data(page, user, **changes) -> dict:
    """The page editor's form data for ``page`` as it is, with ``changes``."""
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user)
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value not in (None, False):
            data[name] = value
    for prefix, formset in form.formsets.items():
        for key, value in formset.management_form.initial.items():
            data[f"{prefix}-{key}"] = value
    data.update(changes)
    return data


def test_an_opd_editor_cannot_change_the_approved_text(client, opds):
    report = resolved_report(opds["dinkes"])
    page = publish_followup(report)
    editor = UserFactory(opd=opds["dinkes"], role="editor")
    client.force_login(editor)
    own_news = add_item(opds["dinkes"], "Rilis Dinkes")
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[own_news.pk])).status_code
        == 200
    )
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert refused(client.get(edit))
    assert refused(client.post(edit, edit_data(page, editor, text="Diubah OPD.")))
    for view in ("unpublish", "delete"):
        url = reverse(f"wagtailadmin_pages:{view}", args=[page.pk])
        assert refused(client.post(url))
    page.refresh_from_db()
    assert page.live and "Diubah OPD." not in page.text

    # The form refuses too, whoever reaches it.
    form_class = FollowUpPage.get_edit_handler().get_form_class()
    form = form_class(
        edit_data(page, editor, text="Diubah OPD."), instance=page, for_user=editor
    )
    assert not form.is_valid()
    assert "Hanya tim verifikasi aduan" in str(form.errors)


def test_the_page_editor_checks_identity_for_the_team(opds):
    report = resolved_report(opds["dinkes"])
    page = publish_followup(report)
    admin = UserFactory(superuser=True)
    form_class = FollowUpPage.get_edit_handler().get_form_class()
    leaking = form_class(
        edit_data(page, admin, text="Ibu Siti Rahmawati puas."),
        instance=page,
        for_user=admin,
    )
    assert not leaking.is_valid()
    assert "nama pelapor" in str(leaking.errors["text"])
    clean = form_class(
        edit_data(page, admin, text="Warga puas dengan hasilnya."),
        instance=page,
        for_user=admin,
    )
    assert clean.is_valid(), clean.errors
