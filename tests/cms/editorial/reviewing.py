"""The people of a review (two OPDs' editors and reviewers, the province team) and an
accessible infographic submitted to it through the admin's create view."""

from cms.content.models import InfographicPage
from tests.factories import ImageFactory, UserFactory

from .admin_forms import create_via_admin


def review_people(opds) -> dict:
    """Diskominfo's editor and reviewer (named, as notifications show them), Dinkes'
    editor and reviewer, and the province team, with the addresses mails are
    checked against."""
    a, b = opds["diskominfo"], opds["dinkes"]
    return {
        "editor": UserFactory(
            opd=a,
            role="editor",
            email="editor.a@bantenprov.go.id",
            first_name="Sari",
            last_name="Editor",
        ),
        "reviewer": UserFactory(
            opd=a,
            role="reviewer",
            email="reviewer.a@bantenprov.go.id",
            first_name="Budi",
            last_name="Peninjau",
        ),
        "other_editor": UserFactory(opd=b, role="editor"),
        "other_reviewer": UserFactory(
            opd=b, role="reviewer", email="reviewer.b@bantenprov.go.id"
        ),
        "province": UserFactory(role="province", email="tim@bantenprov.go.id"),
    }


def infographic_fields(opd) -> dict:
    """What an infographic needs to pass the accessibility checks: a chart from the
    OPD's collection with its alt text, and a text alternative."""
    image = ImageFactory(
        collection=opd.collection,
        title="Grafik stunting",
        width=32,
        height=24,
        colour="white",
    )
    return {
        "images": [("image", {"image": image.pk, "alt_text": "Grafik batang"})],
        "text_alternative": "<p>Angka stunting turun 3 persen.</p>",
    }


def submit_infographic(client, editor, opd, title="Infografis stunting", **fields):
    """``editor`` submits an accessible infographic of ``opd`` for review; returns
    the page."""
    client.force_login(editor)
    return create_via_admin(
        client,
        InfographicPage,
        opd,
        title,
        action="submit",
        **infographic_fields(opd),
        **fields,
    )
