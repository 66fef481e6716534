"""People of two OPDs and the province, and an editor who submits for review."""

import json
from contextlib import contextmanager

import pytest

from cms.content.models import InfographicPage
from cms.core.cache_client import redis_client
from cms.core.commit import take_pending
from cms.live import log
from tests.cms.editorial.admin_forms import create_via_admin
from tests.factories import ImageFactory, UserFactory


@pytest.fixture
def people(opds):
    a, b = opds["diskominfo"], opds["dinkes"]
    return {
        "editor": UserFactory(
            opd=a, role="editor", first_name="Sari", last_name="Editor"
        ),
        "reviewer": UserFactory(
            opd=a, role="reviewer", first_name="Budi", last_name="Peninjau"
        ),
        "other_editor": UserFactory(opd=b, role="editor"),
        "other_reviewer": UserFactory(opd=b, role="reviewer"),
        "province": UserFactory(role="province"),
    }


@pytest.fixture
def submit(client, opds, people):
    """The editor of Diskominfo submits an accessible infographic for review."""

    def submit_infographic(title="Infografis stunting"):
        image = ImageFactory(
            collection=opds["diskominfo"].collection,
            title="Grafik stunting",
            width=32,
            height=24,
            colour="white",
        )
        client.force_login(people["editor"])
        return create_via_admin(
            client,
            InfographicPage,
            opds["diskominfo"],
            title,
            action="submit",
            images=[("image", {"image": image.pk, "alt_text": "Grafik batang"})],
            text_alternative="<p>Angka stunting turun 3 persen.</p>",
        )

    return submit_infographic


@pytest.fixture
def live_events():
    """The live events logged from now on (the test's Redis stream, by prefix)."""
    client = redis_client()
    assert client is not None, "the tests run with the Redis cache"
    client.delete(log.stream_key())

    def read() -> list[dict]:
        entries = client.xrange(log.stream_key())
        return [json.loads(fields[b"m"]) for _id, fields in entries]

    return read


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...``: the block is one committed transaction. What the
    fixtures left waiting for a commit pytest-django never makes is run first (one
    delivery is registered per transaction, and theirs would absorb the block's)."""

    @contextmanager
    def block():
        for earlier in take_pending(lambda func: True):
            earlier()
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return block
