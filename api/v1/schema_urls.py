"""Routes: see api/v1/urls.py."""

urlpatterns: list = []
