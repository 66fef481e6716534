import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.content.models import ContentPage
from cms.content.selectors import public_items

pytestmark = pytest.mark.django_db


def test_demo_content_loads_once(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "cms.core.dev_credentials.CREDENTIALS_FILE", tmp_path / "dev-credentials.txt"
    )
    call_command("load_opds")
    call_command("load_demo_content")
    users = get_user_model().objects.filter(username__endswith=".editor")
    items = ContentPage.objects.count()
    assert users.count() >= 3 and items >= 5
    assert 5 <= public_items().count() <= items
    password = (tmp_path / "dev-credentials.txt").read_text().strip()
    assert len(password) >= 12
    assert users.first().check_password(password)

    call_command("load_demo_content")
    assert ContentPage.objects.count() == items
