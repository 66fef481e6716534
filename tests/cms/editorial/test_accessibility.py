"""The accessibility gate: drafts may be incomplete, but an item that a screen-reader
user could not follow can be neither submitted for review nor approved."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import WorkflowState

from cms.content.models import InfographicPage, NewsPage, PodcastPage, VideoPage
from tests.factories import DocumentFactory, ImageFactory, UserFactory, add_item

from .admin_forms import (
    add_url,
    content_form,
    create_via_admin,
    edit_url,
    is_refused,
    messages_text,
    workflow_action_url,
)
from .revisions import reload

pytestmark = pytest.mark.django_db

CAPTIONS = "Video wajib memiliki takarir (berkas WebVTT) atau transkrip."
PODCAST = "Siniar wajib memiliki transkrip."
INFOGRAPHIC = "Infografis wajib memiliki teks alternatif lengkap"
HERO = "Gambar utama wajib memiliki teks alternatif."


@pytest.fixture
def editor(client, opds):
    user = UserFactory(opd=opds["dinkes"], role="editor")
    client.force_login(user)
    return user


@pytest.fixture
def incomplete(opds):
    """(model, fields lacking one accessibility requirement, message, the fix)."""
    collection = opds["dinkes"].collection
    image = ImageFactory(
        collection=collection,
        title="Foto kegiatan",
        width=32,
        height=24,
        colour="white",
    )
    audio = DocumentFactory(
        collection=collection, title="Episode 1", name="dok.mp3", content=b"ID3"
    )
    text = "<p>Isi lengkap dalam bentuk teks.</p>"
    return {
        "video": (
            VideoPage,
            {"embed_url": "https://www.youtube.com/watch?v=abc"},
            CAPTIONS,
            {"transcript": text},
        ),
        "podcast": (PodcastPage, {"audio_file": audio}, PODCAST, {"transcript": text}),
        "infographic": (
            InfographicPage,
            {"images": [("image", {"image": image.pk, "alt_text": "Grafik"})]},
            INFOGRAPHIC,
            {"text_alternative": text},
        ),
        "hero": (NewsPage, {"hero_image": image}, HERO, {"hero_alt": "Warga antre"}),
    }


@pytest.mark.parametrize("kind", ["video", "podcast", "infographic", "hero"])
def test_incomplete_item_saves_as_draft_but_cannot_be_submitted(
    client, opds, editor, incomplete, kind
):
    model, fields, message, fix = incomplete[kind]
    title = f"Butir {kind}"
    page = create_via_admin(client, model, opds["dinkes"], title, **fields)
    assert not page.live  # the draft was saved despite the gap

    data = content_form(title, slug=page.slug, summary="Ringkasan baru", **fields)
    data["action-submit"] = "1"
    response = client.post(edit_url(page), data)

    # Back to the editor: the draft is saved, and the message says what is missing.
    assert response.status_code == 302 and response.url == edit_url(page)
    said = messages_text(response)
    assert "Draf tersimpan, tetapi belum dapat diajukan:" in said
    assert message in said
    assert "validation errors" not in said
    assert reload(page).get_latest_revision_as_object().summary == "Ringkasan baru"
    assert not reload(page).live
    assert not reload(page).workflow_in_progress

    # Filling the gap is all it takes.
    data = content_form(title, slug=page.slug, **fields, **fix)
    data["action-submit"] = "1"
    assert client.post(edit_url(page), data).status_code == 302
    assert reload(page).workflow_in_progress


def test_submitting_a_new_video_without_captions_saves_a_draft(client, opds, editor):
    data = content_form("Video banjir", embed_url="https://youtu.be/abc")
    data["action-submit"] = "1"
    response = client.post(add_url(VideoPage, opds["dinkes"]), data)

    page = VideoPage.objects.get(slug="video-banjir")
    assert response.status_code == 302 and response.url == edit_url(page)
    said = messages_text(response)
    assert "Draf tersimpan, tetapi belum dapat diajukan:" in said
    assert CAPTIONS in said
    assert "could not be created" not in said
    assert not page.live and not page.workflow_in_progress


def test_reviewer_cannot_publish_an_inaccessible_item_directly(client, opds):
    client.force_login(UserFactory(opd=opds["dinkes"], role="reviewer"))
    page = create_via_admin(
        client,
        VideoPage,
        opds["dinkes"],
        "Video campak",
        embed_url="https://youtu.be/x",
    )
    data = content_form("Video campak", slug=page.slug, embed_url="https://youtu.be/x")
    data["action-publish"] = "1"
    response = client.post(edit_url(page), data)

    assert response.status_code == 302
    said = messages_text(response)
    assert "Draf tersimpan, tetapi belum dapat diterbitkan:" in said
    assert CAPTIONS in said
    assert not reload(page).live


def test_what_a_draft_could_not_save_either_is_not_saved(client, opds, editor):
    """A slug already taken blocks a draft too: the editor shows the errors."""
    create_via_admin(client, NewsPage, opds["dinkes"], "Kembar", slug="kembar")
    data = content_form("Video kembar", slug="kembar", embed_url="https://y.tb/a")
    data["action-submit"] = "1"
    response = client.post(add_url(VideoPage, opds["dinkes"]), data)

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert not VideoPage.objects.filter(title="Video kembar").exists()
    assert "Draf tersimpan" not in messages_text(response)


def test_review_task_refuses_to_approve_an_inaccessible_revision(client, opds):
    dinkes = opds["dinkes"]
    editor = UserFactory(opd=dinkes, role="editor")
    reviewer = UserFactory(opd=dinkes, role="reviewer")
    page = add_item(
        dinkes,
        "Video imunisasi",
        model=VideoPage,
        live=False,
        user=editor,
        embed_url="https://youtu.be/imunisasi",
        transcript="<p>Ayo imunisasi.</p>",
    )
    page.get_workflow().start(page, editor)
    client.force_login(reviewer)
    html = client.get(edit_url(page)).content.decode()
    assert 'data-workflow-action-name="approve"' in html  # complete: approvable

    # A later revision (e.g. an import or an API write) drops the transcript.
    page = reload(page)
    page.transcript = ""
    page.save_revision(user=editor)

    page = reload(page)
    task = page.current_workflow_task.specific
    actions = [name for name, _label, _modal in task.get_actions(page, reviewer)]
    assert "approve" not in actions and "reject" in actions

    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-workflow-action-name="reject"' in html
    assert 'data-workflow-action-name="approve"' not in html
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert is_refused(response)

    with pytest.raises(PermissionDenied, match="takarir"):
        task.on_action(page.current_workflow_task_state, reviewer, "approve")
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not reload(page).live
