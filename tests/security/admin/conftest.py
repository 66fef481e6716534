import pytest

ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def login(client):
    """``login(username, password, path=ADMIN_LOGIN, ip="10.1.1.1", **extra)``:
    the login form posted as a browser would, from ``ip``."""

    def post(username, password, path=ADMIN_LOGIN, ip="10.1.1.1", **extra):
        return client.post(
            path,
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=ip,
            **extra,
        )

    return post


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session
